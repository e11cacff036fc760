//! Writing workbooks (.xlsx); see [`super::ods`] for OpenDocument.
