#!/bin/bash
# Container health check of API Access without curl, wget or a JVM: the runtime images have none of
# them, but both have bash. Asks GET /q/health/ready on the management interface (port 9000, or
# QUARKUS_MANAGEMENT_PORT when the deployment moves it) over bash's /dev/tcp and succeeds only on
# "HTTP/1.x 200". Readiness is down while PostgreSQL is unreachable and from the moment the service is
# told to stop. Used by the images' HEALTHCHECK and by compose.yaml.
exec 3<>"/dev/tcp/127.0.0.1/${QUARKUS_MANAGEMENT_PORT:-9000}" || exit 1
printf 'GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r -t 4 status <&3 || exit 1
[[ $status =~ ^HTTP/1\.[01]\ 200 ]]
