#!/bin/bash
# Container health check of API Access without curl, wget or a JVM: the runtime images have none of
# them, but both have bash. Asks GET /q/health/ready on the service's own port over bash's /dev/tcp and
# succeeds only on "HTTP/1.x 200". Readiness is down while PostgreSQL is unreachable.
# Used by the images' HEALTHCHECK and by compose.yaml.
exec 3<>/dev/tcp/127.0.0.1/8080 || exit 1
printf 'GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r -t 4 status <&3 || exit 1
[[ $status =~ ^HTTP/1\.[01]\ 200 ]]
