module github.com/sunes-spec/sunes

go 1.22

require (
	github.com/google/go-cmp v0.7.0 // tests only
	// Tests only: the server example's answers are checked against the
	// JSON Schemas of its openapi.json (examples/server contract_test.go,
	// doors_test.go); a validator of our own would be more code to trust.
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	github.com/shopspring/decimal v1.6.0 // the one runtime dependency: exact money
	pgregory.net/rapid v1.2.0 // tests only
)

// jsonschema's, for its messages; never built into a package of the module.
require golang.org/x/text v0.14.0 // indirect
