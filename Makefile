# API Access: the service, its tests and its build. `make help` lists the targets.

SHELL := /bin/bash
.DEFAULT_GOAL := help

MVNW      := cd backend && ./mvnw -B
NPM       := cd frontend && npm
NODE_DEPS := frontend/node_modules/.package-lock.json
LINT_DEPS := .ci/lint/node_modules/.package-lock.json
# Java 25 runs the service when it is installed (ES256 signs 3.6x faster there); builds target Java 17.
JAVA25    := /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
JAVA_RUN  ?= $(shell test -x $(JAVA25) && echo $(JAVA25) || echo java)
PGHOST    ?= 127.0.0.1
PGPORT    ?= 5432
PGUSER    ?= postgres
DB_NAME   ?= apiaccess
APP_JAR   := backend/target/quarkus-app/quarkus-run.jar
# A 96 MB heap holds the service under full load (bench/results/latest.md); Serial GC suits 2 cores;
# two malloc arenas instead of one per thread, and giving freed native memory (the JIT's arenas) back
# every 2 s, keep ~60 MB of native memory out of the RSS.
JAVA_OPTS ?= -Xmx96m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=2000
export MALLOC_ARENA_MAX ?= 2
# Java 25's AOT cache (JEP 483, 514): the first run after a build records the classes the service loads
# and writes the cache when it stops; later runs start from it, about 40% sooner. Older JDKs skip it.
AOT_CACHE := backend/target/quarkus-app/api-access.aot
AOT_OPTS   = $(shell $(JAVA_RUN) -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCache ' \
               && { test $(AOT_CACHE) -nt $(APP_JAR) && echo -XX:AOTCache=$(AOT_CACHE) || echo -XX:AOTCacheOutput=$(AOT_CACHE); })

export PGHOST PGPORT PGUSER

# List the targets with their one-line comments.
help:
	@awk '/^# /{c=substr($$0,3)} /^[a-z-]+:/{sub(":.*","",$$1); if(c) printf "  make %-8s %s\n",$$1,c; c=""} /^\$$/{c=""}' $(MAKEFILE_LIST)

# Build and start the service on :8080 (/q on 127.0.0.1:9000) against the local PostgreSQL, with the demo wallet (admin/admin).
run: db $(APP_JAR)
	$(JAVA_RUN) $(JAVA_OPTS) $(AOT_OPTS) -Dquarkus.profile=dev \
	  -Dquarkus.management.enabled=true -Dquarkus.management.host=127.0.0.1 -jar $(APP_JAR)
# (The jar is a prod build: its /q, health, metrics and OpenAPI, is on the management interface.)

# The jar is rebuilt only when a source is newer: a rebuild empties quarkus-app/ and so the AOT cache.
APP_SOURCES := $(shell find backend/pom.xml backend/src/main frontend/src frontend/index.html \
                 frontend/package.json frontend/vite.config.ts -type f -not -path '*/META-INF/resources/*' 2>/dev/null)
$(APP_JAR): $(APP_SOURCES) $(NODE_DEPS)
	$(MAKE) --no-print-directory build

# Start Quarkus dev mode (live reload, Swagger UI at /q/swagger-ui) against the local PostgreSQL.
dev: db
	$(MVNW) quarkus:dev

# Run every test: the SPA's lint and the OpenAPI lint first (seconds), then the backend's fast tier,
# format check, packaging linters, REST and packaged-jar tests, the OpenAPI document's drift, Vitest,
# Playwright.
test: spa $(LINT_DEPS)
	$(NPM) run lint
	$(NPM) run lint:openapi
	($(MVNW) verify) || { backend/failed-tests.sh; exit 1; }
	@diff -u docs/openapi.json backend/target/openapi/openapi.json || { echo "docs/openapi.json is stale: cp backend/target/openapi/openapi.json docs/"; exit 1; }
	$(NPM) test
	$(NPM) run e2e

# Run the fast tier only: rules, parsers and the architecture, without booting Quarkus (seconds).
unit:
	$(MVNW) process-test-classes

# Build backend/target/quarkus-app/quarkus-run.jar, which serves the SPA at /.
build: spa
	$(MVNW) package -DskipTests

# Build the SPA into the backend's static resources.
spa: $(NODE_DEPS)
	$(NPM) run build

# Install the SPA's npm packages exactly as package-lock.json says.
$(NODE_DEPS): frontend/package-lock.json
	$(NPM) ci

# Lint the packaging files: actionlint, dockerfile-utils, nginx -t and a real nginx, shellcheck (backend packaging.*Test).
lint: $(LINT_DEPS)
	$(MVNW) test -Dtest='com.wallet.apiaccess.packaging.*Test' -Dsurefire.failIfNoSpecifiedTests=false

# The linters' npm packages (.ci/lint/package.json); nginx and shellcheck come from apt (.ci/run).
$(LINT_DEPS): .ci/lint/package-lock.json
	cd .ci/lint && npm ci --no-audit --no-fund

# Create the database $(DB_NAME) on the local PostgreSQL if it is missing.
db:
	@psql -d postgres -tAc "select 1 from pg_database where datname = '$(DB_NAME)'" | grep -q 1 \
	  || (createdb $(DB_NAME) && echo "created database $(DB_NAME)")

# Remove build output.
clean:
	$(MVNW) clean

# Build the images api-access:native, api-access:jvm and api-access-frontend:latest (needs Docker).
docker:
	docker build -f docker/Dockerfile.native -t api-access:native .
	docker build -f docker/Dockerfile.jvm -t api-access:jvm .
	docker build -f docker/Dockerfile.frontend -t api-access-frontend:latest .

# Start PostgreSQL, the service and the console with Docker Compose (settings in .env, see .env.example).
up:
	docker compose up -d

.PHONY: docker up

# Load-test the built service on a throwaway database (wrk + JMH) and print one table (bench/results/latest.md).
bench:
	bash bench/run.sh

.PHONY: bench
.PHONY: help run dev test lint build spa db clean
