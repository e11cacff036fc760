# Shortcuts; the README's two commands are .ci/serve and .ci/test.
.PHONY: serve test bench size
serve: ; .ci/serve
test: ; .ci/test
bench: ; .ci/bench
size: ; .ci/size-report
