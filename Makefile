# guidewalk: the Authelia "MinIO" integration guide, done step by step in a
# real browser against the real products.
SHELL := /bin/bash
GO ?= go
# GUIDEWALK_ARTIFACTS, when set, names the folder (as it does for go test).
ARTIFACTS ?= $(or $(GUIDEWALK_ARTIFACTS),artifacts)
GOTEST := $(GO) test -count=1 -timeout 30m
# One package at a time: a second suite creating Docker networks makes
# Chromium abort loads with ERR_NETWORK_CHANGED.
GOTEST_ALL := $(GOTEST) -p 1
export GUIDEWALK_ARTIFACTS := $(abspath $(ARTIFACTS))
# The upstream revisions of the guide that `make test` verifies besides the
# project's copy (read from ../shared, never copied into the project).
UPSTREAM_GUIDES ?= ../shared/guides/minio/current.md ../shared/guides/beszel/current.md \
  ../shared/docs/authelia-2026-05-26/clients/sftpgo/index.md ../shared/docs/authelia-2026-05-26/clients/gatus/index.md \
  ../shared/docs/authelia-2026-05-26/clients/opengist/index.md ../shared/docs/authelia-2026-05-26/clients/node-red/index.md \
  ../shared/docs/authelia-2026-05-26/clients/expressjs/index.md ../shared/docs/authelia-2026-05-26/clients/miniflux/index.md \
  ../shared/docs/authelia-2026-05-26/clients/pocketbase/index.md

.PHONY: bootstrap verify check test unit lint bench soak walkthrough clean repairs

## bootstrap: install and start what the suite needs (idempotent)
bootstrap:
	@bash env/bootstrap.sh

## verify: run the guide's scenarios; artifacts under ./artifacts
verify: bootstrap
	$(GOTEST) -run '^TestGuide$$' -v .

## check: the offline checks of a guide, in seconds without Docker or a browser (GUIDE=path, SITEVARS=name=value,...)
check:
	$(GO) run ./cmd/guidewalk check $(if $(SITEVARS),--sitevars '$(SITEVARS)') $(or $(GUIDE),features/minio/guide.md)

## test: lint, unit tests, the environment test and the scenarios of the project's copy and of each upstream guide (the CI command)
test: bootstrap lint
	$(GOTEST_ALL) ./...
	@set -e; for g in $(UPSTREAM_GUIDES); do \
	  if [ ! -f "$$g" ]; then echo "guidewalk: $$g not found, its scenarios are not run"; continue; fi; \
	  name=$$(basename $$(dirname $$g))-$$(basename $$g .md); \
	  echo "guidewalk: the scenarios of $$g (artifacts in $(ARTIFACTS)/$$name)"; \
	  GUIDEWALK_GUIDE=$$g GUIDEWALK_ARTIFACTS=$(abspath $(ARTIFACTS))/$$name $(GOTEST) -run '^TestGuide$$' . ; \
	done

## lint: gofmt, go vet and the GitHub workflow (actionlint)
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool actionlint .github/workflows/guide.yml

## unit: the tests that need no containers
unit:
	$(GOTEST) ./guide/... ./lint/... ./steps/... ./apps/...

## repairs: the checker on the maintainers' repairs, AUTHELIA_REPO=a clone of authelia/authelia
repairs:
	@test -n "$(AUTHELIA_REPO)" || { echo "make repairs: AUTHELIA_REPO=<a clone of authelia/authelia>"; exit 2; }
	GUIDEWALK_AUTHELIA_REPO=$(abspath $(AUTHELIA_REPO)) $(GO) test -count=1 -run '^TestRepairs$$' -v ./cmd/guidewalk

## bench: the full guide warm, N=5 times (GUIDEWALK_GUIDE honoured); medians per phase in artifacts/bench.json, or bench-<guide>.json for another guide
bench: bootstrap
	$(GO) run ./cmd/bench -n $(or $(N),5) -out $(ARTIFACTS)/$(if $(GUIDEWALK_GUIDE),bench-$(basename $(notdir $(GUIDEWALK_GUIDE))).json,bench.json)

## soak: the suite N times (default 10); prints passes and failures
soak: bootstrap
	@mkdir -p $(ARTIFACTS) && $(GO) test -c -o /tmp/guidewalk-soak.test . && pass=0; fail=0; \
	for i in $$(seq 1 $(or $(N),10)); do \
	  if GUIDEWALK_ARTIFACTS=$(abspath $(ARTIFACTS))/soak/run-$$i /tmp/guidewalk-soak.test -test.run '^TestGuide$$' -test.count=1 >$(abspath $(ARTIFACTS))/soak-run-$$i.log 2>&1; \
	  then pass=$$((pass+1)); r=pass; else fail=$$((fail+1)); r=FAIL; fi; \
	  left=$$(docker ps -aq --filter label=guidewalk | wc -l); \
	  echo "soak run $$i/$(or $(N),10): $$r (containers left: $$left)"; \
	done; rm -f /tmp/guidewalk-soak.test; \
	echo "soak: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

## walkthrough: watch the guide happen (headed when a display exists), slowly
walkthrough: bootstrap
	GUIDEWALK_HEADED=$$([ -n "$$DISPLAY" ] && echo 1 || echo 0) GUIDEWALK_SLOWMO=$${GUIDEWALK_SLOWMO:-300} \
	GUIDEWALK_PAUSE=$${GUIDEWALK_PAUSE:-0} $(GOTEST) -run '^TestGuide$$' -v .

clean:
	rm -rf $(ARTIFACTS)
