//! `--format`: `json`, `table`, and Go-template-style `{{.Field}}` output.
