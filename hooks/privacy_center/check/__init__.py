"""Layer 3, what a company file must be: the schema generated from the declarations and its messages, the semantic
rules, the completeness report, the model built from a checked file (resolve) and the field reference. Imports
source and model."""
