//! The open-data import's jobs (part `opendata`): a streaming read of an ADEME or
//! inclusion-places export, slice by slice, then its rows matched with the plan's actors and
//! turned into actors. See `atelier_core::opendata` for the rules, `ui::actors::opendata` for
//! the screen.

use crate::browser::BrowserIds;
use atelier_core::diff::{self, FieldChange};
use atelier_core::opendata::{self, Filter, Match, Matcher, Reader, Row};
use atelier_core::{Actor, IdGen};
use chrono::{DateTime, NaiveDate, Utc};
use std::cell::RefCell;
use std::rc::Rc;

/// A file being read: the core's reader, the territory filter applied while reading, and the
/// rows kept so far. Cheap to clone (shared), so that each slice can be handed to a part call.
#[derive(Clone)]
pub struct OpenDataSession(Rc<RefCell<Session>>);

struct Session {
    /// `None` once finished.
    reader: Option<Reader>,
    filter: Filter,
    /// Rows read in the territory (kept or not by the digital scope).
    in_area: u64,
    /// Rows kept and not yet matched (the reader appends to it).
    rows: Vec<Row>,
    /// The plan's actors when reading started, indexed for matching.
    matcher: Matcher,
    existing: std::collections::HashMap<atelier_core::Id, Actor>,
    /// Rows kept, each matched as soon as its slice is read: matching 80 000 rows at the end
    /// would hold the page for half a second.
    matched: Vec<(Row, Match, Vec<FieldChange>)>,
    /// Where the actors will say they come from.
    file: String,
    file_date: Option<NaiveDate>,
    at: DateTime<Utc>,
}

/// How far the reading is: bytes read, rows read, rows kept by the territory filter.
pub type Progress = (u64, u64, u64);

/// A read file, ready for the preview.
#[derive(Clone)]
pub struct OpenDataPreview {
    /// Data rows read in the file.
    pub read: u64,
    /// Rows in the territory, before the digital scope.
    pub in_area: u64,
    /// Rows left out for want of an id or a name, and the first one's line.
    pub skipped: (u64, Option<u64>),
    /// The rows in the territory, each with the plan's actor it describes, if any, and what
    /// an update of that actor would change.
    pub rows: Vec<(Row, Match, Vec<FieldChange>)>,
    file: String,
    file_date: Option<NaiveDate>,
    at: DateTime<Utc>,
}

crate::lazy! {
    /// Starts reading an export named `file` (its date `file_date`), keeping the rows `filter`
    /// keeps (territory and digital scope), while reading: the rest is dropped at once. Each
    /// kept row is matched with `existing` (the plan's actors) as it is read.
    pub fn opendata_start [opendata] (filter: Filter, file: String, file_date: Option<NaiveDate>, at: DateTime<Utc>, existing: Vec<Actor>) -> OpenDataSession {
        OpenDataSession(Rc::new(RefCell::new(Session {
            reader: Some(Reader::new()),
            filter,
            matcher: Matcher::new(&existing),
            existing: existing.into_iter().map(|a| (a.id, a)).collect(),
            matched: Vec::new(),
            in_area: 0,
            rows: Vec::new(),
            file,
            file_date,
            at,
        })))
    }

    /// Reads the next slice of the file. Errors: what is wrong and where (line, byte), in
    /// the display language; after one, the session only repeats it.
    pub fn opendata_push [opendata] (session: OpenDataSession, bytes: Vec<u8>) -> Result<Progress, String> {
        push(&session, &bytes)
    }

    /// Reads the end of the file. Errors: what is wrong, as for [`opendata_push`].
    pub fn opendata_finish [opendata] (session: OpenDataSession) -> Result<OpenDataPreview, String> {
        finish(&session)
    }

    /// The actors to store: for each `(row index, update)` of `picks`, the row as a new actor
    /// or, when `update`, the matched actor of `existing` refreshed from it (what the user set
    /// in the app stays).
    pub fn opendata_actors [opendata] (preview: OpenDataPreview, picks: Vec<(usize, bool)>, existing: Vec<Actor>) -> Vec<Actor> {
        actors(&preview, &picks, &existing)
    }
}

fn push(session: &OpenDataSession, bytes: &[u8]) -> Result<Progress, String> {
    let mut s = session.0.borrow_mut();
    let Session {
        reader,
        filter,
        rows,
        in_area,
        ..
    } = &mut *s;
    let reader = reader.as_mut().ok_or_else(String::new)?;
    let counted = std::cell::Cell::new(0);
    reader
        .push(bytes, |row| keeps(filter, row, &counted), rows)
        .map_err(|e| e.to_string())?;
    *in_area += counted.get();
    let progress = reader.progress();
    match_rows(&mut s);
    Ok(progress)
}

/// Matches the rows kept since the last call with the plan's actors.
fn match_rows(s: &mut Session) {
    let Session {
        matcher,
        existing,
        rows,
        matched,
        file,
        file_date,
        at,
        ..
    } = s;
    matched.extend(rows.drain(..).map(|row| {
        let found = matcher.find(&row);
        let changes = match found {
            Match::New => Vec::new(),
            Match::Source(id) | Match::Siret(id) | Match::Name { id, .. } => existing
                .get(&id)
                .map(|old| {
                    let new = opendata::update_from(old, &row, file, *file_date, *at);
                    diff::actor_changes(old, &new, &diff::changed_fields(old, &new))
                })
                .unwrap_or_default(),
        };
        (row, found, changes)
    }));
}

/// Whether `filter` keeps `row`, counting in `in_area` the rows in the territory.
fn keeps(filter: &Filter, row: &Row, in_area: &std::cell::Cell<u64>) -> bool {
    let inside = filter.in_territory(row);
    in_area.set(in_area.get() + u64::from(inside));
    inside && filter.keeps(row)
}

fn finish(session: &OpenDataSession) -> Result<OpenDataPreview, String> {
    let mut s = session.0.borrow_mut();
    let reader = s.reader.take().ok_or_else(String::new)?;
    let counted = std::cell::Cell::new(0);
    let summary = {
        let Session { filter, rows, .. } = &mut *s;
        reader
            .finish(|row| keeps(filter, row, &counted), rows)
            .map_err(|e| e.to_string())?
    };
    s.in_area += counted.get();
    match_rows(&mut s);
    Ok(OpenDataPreview {
        read: summary.rows,
        in_area: s.in_area,
        skipped: (summary.skipped, summary.first_skipped_line),
        rows: std::mem::take(&mut s.matched),
        file: s.file.clone(),
        file_date: s.file_date,
        at: s.at,
    })
}

fn actors(preview: &OpenDataPreview, picks: &[(usize, bool)], existing: &[Actor]) -> Vec<Actor> {
    let by_id: std::collections::HashMap<_, _> = existing.iter().map(|a| (a.id, a)).collect();
    let (file, date, at) = (&preview.file, preview.file_date, preview.at);
    picks
        .iter()
        .filter_map(|&(i, update)| {
            let (row, found, _) = preview.rows.get(i)?;
            let matched = match found {
                Match::Source(id) | Match::Siret(id) | Match::Name { id, .. } => by_id.get(id),
                Match::New => None,
            };
            Some(match (update, matched) {
                (true, Some(old)) => opendata::update_from(old, row, file, date, at),
                _ => opendata::to_actor(row, BrowserIds.new_id(), file, date, at),
            })
        })
        .collect()
}
