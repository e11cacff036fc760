//! The yearly review as an OpenDocument text (.odt, ISO/IEC 26300: what LibreOffice writes,
//! and Word opens), so that colleagues can edit it into the council's report. Written with
//! `zip` and `quick-xml` through the same package writer as the .ods (`sheets::ods`) — never
//! by pasting markup together. A4 pages with 2 cm margins, the document's own heading styles
//! (so that its outline and table of contents work), tables with a repeated header row.

use super::{Block, Document};
use crate::sheets::ods::{document, meta, package, Xml};
use crate::sheets::write::Properties;

/// The OpenDocument text media type, also the package's `mimetype` entry.
pub const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

/// The review as .odt bytes. Errors: the zip writer's message (not expected).
pub fn odt(doc: &Document, properties: &Properties) -> Result<Vec<u8>, String> {
    package(
        MIMETYPE,
        &[
            ("meta.xml", meta(properties)),
            ("styles.xml", styles()),
            ("content.xml", content(doc)),
        ],
    )
}

// OpenDocument style names: written in the file, never shown as such.
const TITLE: &str = "Title"; // i18n: not UI
const HEADING_1: &str = "Heading_20_1"; // i18n: not UI
const HEADING_2: &str = "Heading_20_2"; // i18n: not UI
const STANDARD: &str = "Standard"; // i18n: not UI
const TABLE: &str = "Table"; // i18n: not UI
const CELL: &str = "Cell"; // i18n: not UI
const HEAD: &str = "Head"; // i18n: not UI

/// Named styles: A4 page, title, two heading levels, table cells.
fn styles() -> Vec<u8> {
    let mut x = Xml::new();
    document(&mut x, "office:document-styles");
    x.open("office:styles", &[]);
    x.open("style:default-style", &[("style:family", "paragraph")]);
    x.empty(
        "style:paragraph-properties",
        &[("fo:margin-bottom", "0.2cm")],
    );
    x.empty(
        "style:text-properties",
        &[
            ("fo:font-size", "11pt"),
            ("fo:language", "fr"),
            ("fo:country", "FR"),
        ],
    );
    x.close("style:default-style");
    for (name, display, size, level) in [
        (TITLE, TITLE, "20pt", None),
        (HEADING_1, "Heading 1", "15pt", Some("1")), // i18n: not UI
        (HEADING_2, "Heading 2", "12.5pt", Some("2")), // i18n: not UI
    ] {
        let mut attributes = vec![
            ("style:name", name),
            ("style:display-name", display),
            ("style:family", "paragraph"),
        ];
        if let Some(level) = level {
            attributes.push(("style:default-outline-level", level));
        }
        x.open("style:style", &attributes);
        x.empty(
            "style:paragraph-properties",
            &[("fo:margin-top", "0.4cm"), ("fo:keep-with-next", "always")],
        );
        x.empty(
            "style:text-properties",
            &[("fo:font-size", size), ("fo:font-weight", "bold")],
        );
        x.close("style:style");
    }
    x.close("office:styles");
    x.open("office:automatic-styles", &[]);
    x.open("style:page-layout", &[("style:name", "A4")]);
    x.empty(
        "style:page-layout-properties",
        &[
            ("fo:page-width", "21cm"),
            ("fo:page-height", "29.7cm"),
            ("style:print-orientation", "portrait"),
            ("fo:margin-top", "2cm"),
            ("fo:margin-bottom", "2cm"),
            ("fo:margin-left", "2cm"),
            ("fo:margin-right", "2cm"),
        ],
    );
    x.close("style:page-layout");
    x.close("office:automatic-styles");
    x.open("office:master-styles", &[]);
    x.empty(
        "style:master-page",
        &[("style:name", STANDARD), ("style:page-layout-name", "A4")],
    );
    x.close("office:master-styles");
    x.close("office:document-styles");
    x.bytes()
}

fn content(doc: &Document) -> Vec<u8> {
    let mut x = Xml::new();
    document(&mut x, "office:document-content");
    x.open("office:automatic-styles", &[]);
    x.open(
        "style:style",
        &[("style:name", TABLE), ("style:family", "table")],
    );
    x.empty(
        "style:table-properties",
        &[("style:width", "17cm"), ("table:align", "margins")],
    );
    x.close("style:style");
    x.open(
        "style:style",
        &[("style:name", CELL), ("style:family", "table-cell")],
    );
    x.empty(
        "style:table-cell-properties",
        &[
            ("fo:border", "0.5pt solid #808080"),
            ("fo:padding", "0.1cm"),
        ],
    );
    x.close("style:style");
    x.open(
        "style:style",
        &[
            ("style:name", HEAD),
            ("style:family", "paragraph"),
            ("style:parent-style-name", STANDARD),
        ],
    );
    x.empty("style:text-properties", &[("fo:font-weight", "bold")]);
    x.close("style:style");
    x.close("office:automatic-styles");

    x.open("office:body", &[]);
    x.open("office:text", &[]);
    x.element("text:p", &[("text:style-name", TITLE)], &doc.title);
    x.element("text:p", &[], &doc.subtitle);
    let mut tables = 0;
    for block in &doc.blocks {
        match block {
            Block::Heading(level, text) => {
                let level = level.clamp(&1, &2).to_string();
                let style = if level == "1" { HEADING_1 } else { HEADING_2 };
                x.element(
                    "text:h",
                    &[("text:style-name", style), ("text:outline-level", &level)],
                    text,
                );
            }
            Block::Paragraph(text) => x.element("text:p", &[], text),
            Block::List(items) => {
                x.open("text:list", &[]);
                for item in items {
                    x.open("text:list-item", &[]);
                    x.element("text:p", &[], item);
                    x.close("text:list-item");
                }
                x.close("text:list");
            }
            Block::Table(table) => {
                tables += 1;
                let name = crate::i18n::tf("report.bilan.table_name", &[("n", &tables)]);
                let columns = table.headers.len().max(1).to_string();
                x.open(
                    "table:table",
                    &[("table:name", &name), ("table:style-name", TABLE)],
                );
                x.empty(
                    "table:table-column",
                    &[("table:number-columns-repeated", &columns)],
                );
                // Repeated at the top of each page when the table breaks.
                x.open("table:table-header-rows", &[]);
                row(&mut x, &table.headers, Some(HEAD));
                x.close("table:table-header-rows");
                for cells in &table.rows {
                    row(&mut x, cells, None);
                }
                x.close("table:table");
            }
        }
    }
    x.close("office:text");
    x.close("office:body");
    x.close("office:document-content");
    x.bytes()
}

fn row(x: &mut Xml, cells: &[String], style: Option<&str>) {
    x.open("table:table-row", &[]);
    for cell in cells {
        x.open(
            "table:table-cell",
            &[("table:style-name", CELL), ("office:value-type", "string")],
        );
        match style {
            Some(style) => x.element("text:p", &[("text:style-name", style)], cell),
            None => x.element("text:p", &[], cell),
        }
        x.close("table:table-cell");
    }
    x.close("table:table-row");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::CounterIds;

    #[test]
    fn the_package_starts_with_its_uncompressed_mimetype_and_escapes_text() {
        let mut file =
            crate::example::example_plan(&mut CounterIds::default(), crate::example::test_day());
        file.plan.name = "Plan <R&D> « NR »".into();
        let doc = super::super::bilan(&file, 2026);
        let created = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap();
        let bytes = odt(
            &doc,
            &Properties {
                title: doc.title.clone(),
                created,
            },
        )
        .unwrap();
        // A zip whose first entry is « mimetype », stored: its name and value at fixed offsets.
        assert_eq!(&bytes[..4], b"PK\x03\x04");
        assert_eq!(&bytes[30..38], b"mimetype");
        assert_eq!(&bytes[38..38 + MIMETYPE.len()], MIMETYPE.as_bytes());
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut content = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("content.xml").unwrap(), &mut content)
            .unwrap();
        assert!(content.contains("Plan &lt;R&amp;D&gt; « NR »"), "escaped");
        assert!(content.contains("<text:h text:style-name=\"Heading_20_1\""));
        assert!(zip.by_name("styles.xml").is_ok() && zip.by_name("meta.xml").is_ok());
    }
}
