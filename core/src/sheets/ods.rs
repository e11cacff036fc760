//! Writing OpenDocument spreadsheets (.ods).
