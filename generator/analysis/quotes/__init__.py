"""Direct quotations and who said them (`extract.extract_quotes`)."""
