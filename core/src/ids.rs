//! Record ids.
//!
//! Ids are UUIDs: version 7 (time, then random bits) from the app, so records sort by creation;
//! version 4 in older plans and in tests. The core never draws random numbers itself: the caller
//! hands it 16 random bytes (the browser's `crypto.getRandomValues`, or a counter in tests), so
//! the core stays deterministic and free of platform code.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::{Builder, Uuid};

/// A record id: a UUID (v7 or v4), serialised as its 36-character hyphenated text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(Uuid);

impl Id {
    /// Builds a v4 UUID from 16 random bytes (version and variant bits are set here).
    pub fn from_random_bytes(bytes: [u8; 16]) -> Self {
        Id(Builder::from_random_bytes(bytes).into_uuid())
    }

    /// Builds a v7 UUID: `millis` (Unix time in milliseconds) first, then 10 random bytes.
    /// Stored records are keyed by id, so ids that sort by creation time bring records back
    /// in the order they were created.
    pub fn from_millis_and_random(millis: u64, random: [u8; 10]) -> Self {
        Id(Builder::from_unix_timestamp_millis(millis, &random).into_uuid())
    }

    /// This id with its random bits 56–119 flipped by `key` (XOR), its version, variant and
    /// time bits untouched. Applying the same key twice gives the id back: a copy of a plan
    /// (see [`crate::merge::identity`]) keeps the key, and with it the way back to the ids
    /// it was copied from. Ids keep their creation order (the time bits come first).
    pub fn masked(self, key: [u8; 8]) -> Id {
        let mut bytes = *self.0.as_bytes();
        bytes[7] ^= key[0];
        for (b, k) in bytes[9..].iter_mut().zip(&key[1..]) {
            *b ^= k;
        }
        Id(Uuid::from_bytes(bytes))
    }

    /// Parses the hyphenated text form. Returns `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        Uuid::try_parse(text).ok().map(Id)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

/// Something that hands out fresh ids. Any `FnMut() -> Id` closure is one.
pub trait IdGen {
    /// Returns an id never returned before.
    fn new_id(&mut self) -> Id;
}

impl<F: FnMut() -> Id> IdGen for F {
    fn new_id(&mut self) -> Id {
        self()
    }
}

/// A deterministic id source for tests: ids built from an incrementing counter.
#[derive(Default)]
pub struct CounterIds(u128);

impl IdGen for CounterIds {
    fn new_id(&mut self) -> Id {
        self.0 += 1;
        Id::from_random_bytes(self.0.to_be_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_ordered_ids_sort_by_creation() {
        let a = Id::from_millis_and_random(1_700_000_000_000, [0xff; 10]);
        let b = Id::from_millis_and_random(1_700_000_000_001, [0; 10]);
        assert!(a.to_string() < b.to_string(), "text order is time order");
        assert_eq!(Id::parse(&a.to_string()), Some(a));
    }

    #[test]
    fn ids_print_and_parse_back() {
        let id = CounterIds::default().new_id();
        let text = id.to_string();
        assert_eq!(text.len(), 36);
        assert_eq!(Id::parse(&text), Some(id));
        assert_eq!(Id::parse("pas-un-id"), None);
    }

    #[test]
    fn a_masked_id_differs_keeps_its_kind_and_unmasks_with_the_same_key() {
        let id = Id::from_millis_and_random(1_700_000_000_000, [7; 10]);
        let key = [1, 2, 3, 4, 5, 6, 7, 8];
        let masked = id.masked(key);
        assert_ne!(masked, id);
        assert_eq!(masked.0.get_version_num(), 7);
        assert_eq!(masked.0.get_variant(), id.0.get_variant());
        assert_eq!(masked.masked(key), id);
        assert_eq!(
            &masked.to_string()[..13],
            &id.to_string()[..13],
            "time bits kept"
        );
    }

    #[test]
    fn counter_ids_are_distinct() {
        let mut ids = CounterIds::default();
        assert_ne!(ids.new_id(), ids.new_id());
    }
}
