//! Which plan a file is a copy of, and how its ids match ours.
//!
//! A plan imported into a browser that does not hold it keeps its plan id and record ids: the
//! copies match id for id. A second copy in the same browser cannot (ids are keys), so it
//! gets its ids masked by a random key ([`crate::Id::masked`]) and remembers the plan it was
//! copied from and that key ([`CopyOf`]); masking again with the key gives the original ids
//! back. Two copies of one original match through both keys.

use crate::file::PlanFile;
use crate::{Id, Plan};
use serde::{Deserialize, Serialize};

/// Where a copy came from (`plan.copied_from` in the file): the original plan's id and the
/// key its ids were masked with, as 16 lower-case hexadecimal digits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyOf {
    pub plan: Id,
    pub key: String,
}

impl CopyOf {
    /// The key as bytes; `None` if the text is not 16 hexadecimal digits (a hand-edited
    /// file): the copy then matches nothing.
    pub fn key_bytes(&self) -> Option<[u8; 8]> {
        let text = self.key.as_bytes();
        if text.len() != 16 {
            return None;
        }
        // By hand: `from_str_radix` and UTF-8 checks would weigh on the first screen, which
        // asks [`is_copy`] of a file picked on « Mes plans ».
        let digit = |c: u8| char::from(c).to_digit(16);
        let mut key = [0u8; 8];
        for (i, pair) in text.chunks(2).enumerate() {
            key[i] = (digit(pair[0])? * 16 + digit(pair[1])?) as u8;
        }
        Some(key)
    }

    /// Records a key as text.
    pub fn new(plan: Id, key: [u8; 8]) -> Self {
        CopyOf {
            plan,
            key: key.iter().map(|b| format!("{b:02x}")).collect(),
        }
    }
}

/// The file is not a copy of the open plan: nothing to merge. Shows as a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotACopy;

impl std::fmt::Display for NotACopy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(crate::i18n::t("errors.merge.not_a_copy"))
    }
}

/// `there` with its ids turned into `here`'s, when it is a copy of the same plan: the same
/// plan id, a copy of `here`, the original of `here`, or another copy of the same original.
/// Errors: [`NotACopy`] otherwise.
pub fn align(here: &Plan, mut there: PlanFile) -> Result<PlanFile, NotACopy> {
    let key = |c: &Option<CopyOf>| c.as_ref().and_then(CopyOf::key_bytes);
    let origin = |c: &Option<CopyOf>| c.as_ref().map(|c| c.plan);
    let xor = |a: [u8; 8], b: [u8; 8]| std::array::from_fn(|i| a[i] ^ b[i]);
    let mask = if there.plan.id == here.id {
        None
    } else if origin(&here.copied_from) == Some(there.plan.id) {
        Some(key(&here.copied_from).ok_or(NotACopy)?)
    } else if origin(&there.plan.copied_from) == Some(here.id) {
        Some(key(&there.plan.copied_from).ok_or(NotACopy)?)
    } else if origin(&here.copied_from).is_some()
        && origin(&here.copied_from) == origin(&there.plan.copied_from)
    {
        let (a, b) = (key(&here.copied_from), key(&there.plan.copied_from));
        Some(xor(a.ok_or(NotACopy)?, b.ok_or(NotACopy)?))
    } else {
        return Err(NotACopy);
    };
    if let Some(key) = mask {
        map_ids(&mut there, |id| id.masked(key));
    }
    Ok(there)
}

/// Whether `there` can be merged into `here` (see [`align`]), without doing it.
pub fn is_copy(here: &Plan, there: &Plan) -> bool {
    // A copy whose key cannot be read matches nothing (a hand-edited file).
    let origin = |p: &Plan| {
        p.copied_from
            .as_ref()
            .filter(|c| c.key.len() == 16 && c.key.bytes().all(|b| b.is_ascii_hexdigit()))
            .map(|c| c.plan)
    };
    there.id == here.id
        || origin(here) == Some(there.id)
        || origin(there) == Some(here.id)
        || (origin(here).is_some() && origin(here) == origin(there))
}

/// Rewrites every id of `file` — plan, records, links, closed years, tombstones — with `f`.
pub fn map_ids(file: &mut PlanFile, f: impl Fn(Id) -> Id) {
    let all = |ids: &mut Vec<Id>| ids.iter_mut().for_each(|id| *id = f(*id));
    file.plan.id = f(file.plan.id);
    all(&mut file.plan.governance.member_ids);
    for a in &mut file.actors {
        a.id = f(a.id);
    }
    for a in &mut file.actions {
        a.id = f(a.id);
        all(&mut a.actor_ids);
    }
    for m in &mut file.mobilisations {
        m.id = f(m.id);
        all(&mut m.actor_ids);
    }
    for n in &mut file.needs {
        n.id = f(n.id);
        n.actor_id = f(n.actor_id);
    }
    for s in &mut file.snapshots {
        s.id = f(s.id);
        s.sheets.iter_mut().for_each(|x| x.id = f(x.id));
        s.indicators
            .iter_mut()
            .for_each(|x| x.sheet_id = f(x.sheet_id));
        s.actors.iter_mut().for_each(|x| x.id = f(x.id));
    }
    for t in &mut file.tombstones {
        t.id = f(t.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::as_new_plan;
    use crate::ids::CounterIds;

    fn example() -> PlanFile {
        crate::example::example_plan(&mut CounterIds::default(), crate::example::test_day())
    }

    #[test]
    fn a_copy_and_its_original_align_both_ways() {
        let original = example();
        let copy = as_new_plan(original.clone(), [9, 8, 7, 6, 5, 4, 3, 2]);
        assert_ne!(copy.plan.id, original.plan.id);
        assert_ne!(copy.actors[0].id, original.actors[0].id);
        let back = align(&original.plan, copy.clone()).unwrap();
        assert_eq!(back.actors, original.actors);
        assert_eq!(back.actions, original.actions);
        let there = align(&copy.plan, original.clone()).unwrap();
        assert_eq!(there.needs, copy.needs);
        assert_eq!(there.plan.governance, copy.plan.governance);
    }

    #[test]
    fn two_copies_of_one_original_align_and_a_stranger_does_not() {
        let original = example();
        let a = as_new_plan(original.clone(), [1; 8]);
        let b = as_new_plan(original.clone(), [2; 8]);
        assert!(is_copy(&a.plan, &b.plan));
        assert_eq!(align(&a.plan, b).unwrap().actors, a.actors);
        let mut stranger = example();
        stranger.plan.id = Id::from_random_bytes([3; 16]);
        assert!(!is_copy(&a.plan, &stranger.plan));
        assert_eq!(align(&a.plan, stranger), Err(NotACopy));
    }

    #[test]
    fn a_copy_of_a_copy_still_matches_the_original() {
        let original = example();
        let copy = as_new_plan(as_new_plan(original.clone(), [1; 8]), [5; 8]);
        assert_eq!(
            copy.plan.copied_from.as_ref().unwrap().plan,
            original.plan.id
        );
        assert_eq!(align(&original.plan, copy).unwrap().actors, original.actors);
    }
}
