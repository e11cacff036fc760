//! Keeps several tabs open on the same plan in step. After each write, a tab names the record
//! it wrote on a `BroadcastChannel`; the other tabs read that record back from IndexedDB and
//! replace or drop their copy. Edits then merge field by field instead of a stale tab
//! overwriting, or reviving, what another tab changed.

use atelier_core::Id;
use std::cell::RefCell;
use wasm_bindgen::{closure::Closure, JsCast};

const CHANNEL: &str = "atelier-nr";

/// What changed, as told to the other tabs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The plan record itself (name, territory, decisions).
    Plan { plan: Id },
    /// One record of a plan, in the object store `store` (see [`crate::storage::STORES`]).
    Record {
        store: &'static str,
        plan: Id,
        id: Id,
    },
    /// Many records at once (an import, a delete with relinks): re-read the whole plan.
    Records { plan: Id },
    /// A plan was created or removed: re-read the plan list.
    Plans,
}

impl Change {
    /// The message text: a kind and ids separated by spaces, e.g. `record actors <plan> <id>`. (A
    /// hand-made form rather than serde: it keeps a whole JSON deserialiser out of the wasm.)
    pub fn to_message(&self) -> String {
        match self {
            Change::Plan { plan } => format!("plan {plan}"),
            Change::Record { store, plan, id } => format!("record {store} {plan} {id}"),
            Change::Records { plan } => format!("records {plan}"),
            Change::Plans => "plans".into(),
        }
    }

    /// Inverse of [`Change::to_message`]; `None` for anything else.
    pub fn from_message(text: &str) -> Option<Change> {
        let mut words = text.split(' ');
        let kind = words.next()?;
        let store = match kind {
            "record" => {
                let name = words.next()?;
                Some(*crate::storage::STORES.iter().find(|s| **s == name)?)
            }
            _ => None,
        };
        let mut id = || words.next().and_then(Id::parse);
        Some(match (kind, store) {
            ("plan", _) => Change::Plan { plan: id()? },
            ("record", Some(store)) => Change::Record {
                store,
                plan: id()?,
                id: id()?,
            },
            ("records", _) => Change::Records { plan: id()? },
            ("plans", _) => Change::Plans,
            _ => return None,
        })
    }
}

thread_local! {
    static CHANNEL_HANDLE: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
}

/// Opens the channel and calls `on_change` for every change another tab announces.
/// Without `BroadcastChannel` (very old browsers) tabs simply stay independent.
pub fn listen(on_change: impl Fn(Change) + 'static) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let handler =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if let Some(change) = ev
                .data()
                .as_string()
                .and_then(|text| Change::from_message(&text))
            {
                on_change(change);
            }
        });
    channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the page.
    handler.forget();
    CHANNEL_HANDLE.with(|c| *c.borrow_mut() = Some(channel));
}

/// Tells the other tabs about a change this tab has stored.
pub fn announce(change: &Change) {
    CHANNEL_HANDLE.with(|c| {
        if let Some(channel) = c.borrow().as_ref() {
            let _ = channel.post_message(&change.to_message().into());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip() {
        let plan = Id::from_random_bytes([1; 16]);
        let id = Id::from_random_bytes([2; 16]);
        for change in [
            Change::Plan { plan },
            Change::Record {
                store: "actors",
                plan,
                id,
            },
            Change::Record {
                store: "needs",
                plan,
                id,
            },
            Change::Records { plan },
            Change::Plans,
        ] {
            assert_eq!(Change::from_message(&change.to_message()), Some(change));
        }
        assert_eq!(Change::from_message("record actors pas-un-id"), None);
        let unknown = format!("record inconnus {plan} {id}");
        assert_eq!(Change::from_message(&unknown), None);
    }
}
