module github.com/sunes-spec/sunes

go 1.22

require (
	github.com/google/go-cmp v0.7.0
	github.com/shopspring/decimal v1.6.0
	pgregory.net/rapid v1.2.0
)
