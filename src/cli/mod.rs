//! The command line: clap definitions and printing. The engine does the work.
