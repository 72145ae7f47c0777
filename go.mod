module github.com/sunes-spec/sunes

go 1.22

require (
	github.com/google/go-cmp v0.7.0
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	github.com/shopspring/decimal v1.6.0
	pgregory.net/rapid v1.2.0
)

require golang.org/x/text v0.14.0 // indirect
