//! OpenDocument spreadsheets (.ods, ISO/IEC 26300: LibreOffice's own format, the one the
//! public interoperability framework asks for), written with `zip` and `quick-xml` — never by
//! pasting markup together. Same tables and typed cells as [`super::write::xlsx`]: days with a
//! date style, euros with a currency style, a frozen bold header row, column widths, and the
//! title and creation date in `meta.xml`.

use super::write::{sheet_name, Properties, Table, Value};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

const MIMETYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";
pub(crate) const NAMESPACES: [(&str, &str); 10] = [
    (
        "xmlns:office",
        "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    ),
    (
        "xmlns:style",
        "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    ),
    (
        "xmlns:text",
        "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    ),
    (
        "xmlns:table",
        "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    ),
    (
        "xmlns:fo",
        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    ),
    (
        "xmlns:number",
        "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
    ),
    (
        "xmlns:meta",
        "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    ),
    ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
    (
        "xmlns:config",
        "urn:oasis:names:tc:opendocument:xmlns:config:1.0",
    ),
    (
        "xmlns:manifest",
        "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
    ),
];

/// An XML document being written (shared with the .odt writer, `bilan::odt`).
pub(crate) struct Xml(Writer<Cursor<Vec<u8>>>);

impl Xml {
    pub(crate) fn new() -> Self {
        let mut w = Writer::new(Cursor::new(Vec::new()));
        // Writing to memory cannot fail: every `let _` below relies on it.
        let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        Xml(w)
    }
    /// Opens `name` with `attributes`.
    pub(crate) fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let mut start = BytesStart::new(name);
        start.extend_attributes(attributes.iter().copied());
        let _ = self.0.write_event(Event::Start(start));
    }
    /// An element with no content.
    pub(crate) fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let mut start = BytesStart::new(name);
        start.extend_attributes(attributes.iter().copied());
        let _ = self.0.write_event(Event::Empty(start));
    }
    pub(crate) fn close(&mut self, name: &str) {
        let _ = self.0.write_event(Event::End(BytesEnd::new(name)));
    }
    /// Escaped text.
    pub(crate) fn text(&mut self, text: &str) {
        let _ = self.0.write_event(Event::Text(BytesText::new(text)));
    }
    /// `<name>text</name>`.
    pub(crate) fn element(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.open(name, attributes);
        self.text(text);
        self.close(name);
    }
    pub(crate) fn bytes(self) -> Vec<u8> {
        self.0.into_inner().into_inner()
    }
}

/// The tables as an .ods workbook. Errors: the zip writer's message (not expected).
pub fn ods(tables: &[Table], properties: &Properties) -> Result<Vec<u8>, String> {
    package(
        MIMETYPE,
        &[
            ("meta.xml", meta(properties)),
            ("settings.xml", settings(tables)),
            ("content.xml", content(tables)),
        ],
    )
}

/// An OpenDocument package: the `mimetype` entry first and uncompressed (that is how readers
/// recognise the format), the manifest, then `files` deflated. Errors: the zip writer's
/// message (not expected when writing to memory).
pub(crate) fn package(mimetype: &str, files: &[(&str, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut put = |name: &str, bytes: &[u8], options| -> Result<(), String> {
        zip.start_file(name, options).map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())
    };
    put("mimetype", mimetype.as_bytes(), stored)?;
    let names: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
    put(
        "META-INF/manifest.xml",
        &manifest(mimetype, &names),
        deflated,
    )?;
    for (name, bytes) in files {
        put(name, bytes, deflated)?;
    }
    let cursor = zip.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}

fn manifest(mimetype: &str, files: &[&str]) -> Vec<u8> {
    let mut x = Xml::new();
    x.open(
        "manifest:manifest",
        &[NAMESPACES[9], ("manifest:version", "1.3")],
    );
    x.empty(
        "manifest:file-entry",
        &[
            ("manifest:full-path", "/"),
            ("manifest:media-type", mimetype),
        ],
    );
    for &file in files {
        x.empty(
            "manifest:file-entry",
            &[
                ("manifest:full-path", file),
                ("manifest:media-type", "text/xml"),
            ],
        );
    }
    x.close("manifest:manifest");
    x.bytes()
}

pub(crate) fn document(x: &mut Xml, root: &str) {
    let mut attributes: Vec<(&str, &str)> = NAMESPACES[..9].to_vec();
    attributes.push(("office:version", "1.3"));
    x.open(root, &attributes);
}

pub(crate) fn meta(properties: &Properties) -> Vec<u8> {
    let mut x = Xml::new();
    document(&mut x, "office:document-meta");
    x.open("office:meta", &[]);
    x.element("dc:title", &[], &properties.title);
    let created = properties.created.format("%Y-%m-%dT%H:%M:%S").to_string();
    x.element("meta:creation-date", &[], &created);
    x.element("dc:date", &[], &created);
    // i18n: not UI (OpenDocument settings and metadata)
    x.element("meta:generator", &[], "Atelier NR");
    x.close("office:meta");
    x.close("office:document-meta");
    x.bytes()
}

/// Frozen first row in every sheet (LibreOffice reads it from the view settings).
fn settings(tables: &[Table]) -> Vec<u8> {
    let mut x = Xml::new();
    document(&mut x, "office:document-settings");
    x.open("office:settings", &[]);
    x.open(
        "config:config-item-set",
        &[("config:name", "ooo:view-settings")],
    );
    x.open(
        "config:config-item-map-indexed",
        // i18n: not UI (OpenDocument settings and metadata)
        &[("config:name", "Views")],
    );
    x.open("config:config-item-map-entry", &[]);
    x.element(
        "config:config-item",
        // i18n: not UI (OpenDocument settings and metadata)
        &[("config:name", "ViewId"), ("config:type", "string")],
        "view1",
    );
    // i18n: not UI (OpenDocument settings and metadata)
    x.open("config:config-item-map-named", &[("config:name", "Tables")]);
    for table in tables {
        let name = sheet_name(&table.name);
        x.open("config:config-item-map-entry", &[("config:name", &name)]);
        for (item, value) in [
            // i18n: not UI (OpenDocument settings and metadata)
            ("VerticalSplitMode", "2"),
            // i18n: not UI (OpenDocument settings and metadata)
            ("VerticalSplitPosition", "1"),
            // i18n: not UI (OpenDocument settings and metadata)
            ("ActiveSplitRange", "2"),
            // i18n: not UI (OpenDocument settings and metadata)
            ("PositionBottom", "1"),
        ] {
            // i18n: not UI (OpenDocument settings and metadata)
            let kind = if item == "VerticalSplitMode" || item == "ActiveSplitRange" {
                "short"
            } else {
                "int"
            };
            x.element(
                "config:config-item",
                &[("config:name", item), ("config:type", kind)],
                value,
            );
        }
        x.close("config:config-item-map-entry");
    }
    x.close("config:config-item-map-named");
    x.close("config:config-item-map-entry");
    x.close("config:config-item-map-indexed");
    x.close("config:config-item-set");
    x.close("office:settings");
    x.close("office:document-settings");
    x.bytes()
}

fn content(tables: &[Table]) -> Vec<u8> {
    let mut x = Xml::new();
    document(&mut x, "office:document-content");
    x.open("office:automatic-styles", &[]);
    // Days as « 30/06/2027 ».
    x.open(
        "number:date-style",
        &[
            ("style:name", "N-day"),
            ("number:language", "fr"),
            ("number:country", "FR"),
        ],
    );
    x.empty("number:day", &[("number:style", "long")]);
    x.element("number:text", &[], "/");
    x.empty("number:month", &[("number:style", "long")]);
    x.element("number:text", &[], "/");
    x.empty("number:year", &[("number:style", "long")]);
    x.close("number:date-style");
    // Euros as « 12 500 € ».
    // The style's language gives its separators: « 18 000 € » whatever LibreOffice's own.
    x.open(
        "number:currency-style",
        &[
            ("style:name", "N-euros"),
            ("number:language", "fr"),
            ("number:country", "FR"),
        ],
    );
    x.empty(
        "number:number",
        &[("number:decimal-places", "0"), ("number:grouping", "true")],
    );
    x.element("number:text", &[], " ");
    x.element(
        "number:currency-symbol",
        &[("number:language", "fr"), ("number:country", "FR")],
        "€",
    );
    x.close("number:currency-style");
    for (name, data) in [("day", "N-day"), ("euros", "N-euros")] {
        x.empty(
            "style:style",
            &[
                ("style:name", name),
                ("style:family", "table-cell"),
                ("style:data-style-name", data),
            ],
        );
    }
    x.open(
        "style:style",
        &[("style:name", "header"), ("style:family", "table-cell")],
    );
    x.empty("style:text-properties", &[("fo:font-weight", "bold")]);
    x.close("style:style");
    for (t, table) in tables.iter().enumerate() {
        for (c, width) in table.widths().into_iter().enumerate() {
            let name = format!("co{t}-{c}");
            // A character is about 0.21 cm in the default font.
            let width = format!("{:.2}cm", width * 0.21);
            x.open(
                "style:style",
                &[("style:name", &name), ("style:family", "table-column")],
            );
            x.empty(
                "style:table-column-properties",
                &[("style:column-width", &width)],
            );
            x.close("style:style");
        }
    }
    x.close("office:automatic-styles");
    x.open("office:body", &[]);
    x.open("office:spreadsheet", &[]);
    for (t, table) in tables.iter().enumerate() {
        write_table(&mut x, t, table);
    }
    x.close("office:spreadsheet");
    x.close("office:body");
    x.close("office:document-content");
    x.bytes()
}

fn write_table(x: &mut Xml, t: usize, table: &Table) {
    let name = sheet_name(&table.name);
    x.open("table:table", &[("table:name", &name)]);
    for c in 0..table.headers.len() {
        x.empty(
            "table:table-column",
            &[("table:style-name", &format!("co{t}-{c}"))],
        );
    }
    x.open("table:table-header-rows", &[]);
    x.open("table:table-row", &[]);
    for header in &table.headers {
        x.open(
            "table:table-cell",
            &[
                ("table:style-name", "header"),
                ("office:value-type", "string"),
            ],
        );
        x.element("text:p", &[], header);
        x.close("table:table-cell");
    }
    x.close("table:table-row");
    x.close("table:table-header-rows");
    for row in &table.rows {
        x.open("table:table-row", &[]);
        for value in row {
            write_cell(x, value);
        }
        x.close("table:table-row");
    }
    x.close("table:table");
}

fn write_cell(x: &mut Xml, value: &Value) {
    let paragraphs = |x: &mut Xml, text: &str| {
        for line in text.split('\n') {
            x.element("text:p", &[], line);
        }
    };
    match value {
        Value::Empty => x.empty("table:table-cell", &[]),
        Value::Text(s) => {
            x.open("table:table-cell", &[("office:value-type", "string")]);
            paragraphs(x, s);
            x.close("table:table-cell");
        }
        Value::Number(n) => {
            let v = n.to_string();
            x.open(
                "table:table-cell",
                &[("office:value-type", "float"), ("office:value", &v)],
            );
            x.element("text:p", &[], &v);
            x.close("table:table-cell");
        }
        Value::Euros(n) => {
            let v = n.to_string();
            x.open(
                "table:table-cell",
                &[
                    ("table:style-name", "euros"),
                    ("office:value-type", "currency"),
                    ("office:currency", "EUR"),
                    ("office:value", &v),
                ],
            );
            x.element("text:p", &[], &format!("{n:.0} €"));
            x.close("table:table-cell");
        }
        Value::Date(d) => {
            let iso = d.to_string();
            x.open(
                "table:table-cell",
                &[
                    ("table:style-name", "day"),
                    ("office:value-type", "date"),
                    ("office:date-value", &iso),
                ],
            );
            x.element("text:p", &[], &crate::text::sheet_day(*d));
            x.close("table:table-cell");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, NaiveDate};

    #[test]
    fn an_ods_starts_with_its_mimetype_and_reads_back_typed() {
        let table = Table {
            name: "Recensement".into(),
            headers: vec!["Nom".into(), "Identifié le".into(), "Budget".into()],
            rows: vec![vec![
                Value::text("+33 6 12 — « Envie 35 » & <co>"),
                Value::Date(NaiveDate::from_ymd_opt(2026, 3, 12).unwrap()),
                Value::Euros(1500.0),
            ]],
        };
        let bytes = ods(
            &[table],
            &Properties {
                title: "Stratégie NR".into(),
                created: DateTime::from_timestamp(1_790_000_000, 0).unwrap(),
            },
        )
        .unwrap();
        assert_eq!(&bytes[30..38], b"mimetype", "first entry");
        assert_eq!(
            &bytes[38..38 + MIMETYPE.len()],
            MIMETYPE.as_bytes(),
            "stored as is"
        );
        let sheets = super::super::read_workbook(&bytes).unwrap();
        use super::super::Cell;
        let (_, row) = &sheets[0].rows[1];
        assert_eq!(row[0], Cell::Text("+33 6 12 — « Envie 35 » & <co>".into()));
        assert_eq!(
            row[1],
            Cell::Date(NaiveDate::from_ymd_opt(2026, 3, 12).unwrap())
        );
        assert_eq!(row[2], Cell::Number(1500.0));
    }
}
