# guidewalk: the Authelia "MinIO" integration guide, done step by step in a
# real browser against the real products.
SHELL := /bin/bash
GO ?= go
ARTIFACTS ?= artifacts
GOTEST := $(GO) test -count=1 -timeout 30m
export GUIDEWALK_ARTIFACTS := $(abspath $(ARTIFACTS))

.PHONY: bootstrap verify test unit bench soak walkthrough clean

## bootstrap: install and start what the suite needs (idempotent)
bootstrap:
	@bash env/bootstrap.sh

## verify: run the guide's scenarios; artifacts under ./artifacts
verify: bootstrap
	$(GOTEST) -run 'TestGuide' -v . 

## test: unit tests, the environment test and the guide's scenarios (the CI command)
test: bootstrap
	$(GO) vet ./...
	$(GOTEST) ./...

## unit: the tests that need no containers
unit:
	$(GOTEST) ./guide/... ./steps/...

clean:
	rm -rf $(ARTIFACTS)
