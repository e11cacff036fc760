//! The anonymised export (« Exporter sans données personnelles »): the plan as it can be
//! shared in public, on a website or in a share link.
//!
//! Personal data, in the GDPR's sense, is what identifies a person. The plan records
//! organisations and what they do; only five fields are meant to hold a person's name or
//! contact, and those are the fields blanked here:
//!
//! | field | why it is personal |
//! | --- | --- |
//! | `actors[].referent` | the name (or role) of the person to talk to in that organisation |
//! | `actors[].contact` | that person's email or phone number |
//! | `actions[].pilot` | the person leading the action (`pilot_service`, a service, is kept) |
//! | `mobilisations[].owner` | who organises the mobilisation, often a named person |
//! | `plan.governance.internal_members` | the names of elected officials and staff on the steering body |
//!
//! Everything else is kept as it is: actor names are organisations (a company, a
//! university, an association, « Habitants »), and ids, codes, dates, figures, budgets and
//! indicators are facts about the plan. Free texts (descriptions, notes, objectives, needs
//! and their follow-up, decisions' notes) are the user's own words and are kept: they are
//! not meant to name people, and the app reminds the user to read them before sharing.

use super::PlanFile;

impl PlanFile {
    /// A copy of the file with every personal-data field blanked (empty text): actors'
    /// `referent` and `contact`, actions' `pilot`, mobilisations' `owner` and the steering
    /// body's `internal_members`. Every other field, ids and links included, is unchanged, so
    /// the copy validates and imports like the original. See the module documentation for why
    /// these fields and only these.
    pub fn anonymised(&self) -> PlanFile {
        let mut file = self.clone();
        file.anonymised = true;
        file.plan.governance.internal_members.clear();
        for actor in &mut file.actors {
            actor.referent.clear();
            actor.contact.clear();
        }
        for action in &mut file.actions {
            action.pilot.clear();
        }
        for m in &mut file.mobilisations {
            m.owner.clear();
        }
        file.snapshots = file.snapshots.iter().map(|s| s.anonymised()).collect();
        file
    }

    /// Whether no personal-data field (see [`PlanFile::anonymised`]) holds any text.
    pub fn is_anonymised(&self) -> bool {
        self.plan.governance.internal_members.is_empty()
            && self
                .actors
                .iter()
                .all(|a| a.referent.is_empty() && a.contact.is_empty())
            && self.actions.iter().all(|a| a.pilot.is_empty())
            && self.mobilisations.iter().all(|m| m.owner.is_empty())
            && self
                .snapshots
                .iter()
                .all(|s| s.sheets.iter().all(|x| x.pilot.is_empty()))
    }
}

#[cfg(test)]
mod tests {
    use crate::example::example_plan;
    use crate::file::{parse_plan_file, PlanFile};
    use crate::ids::CounterIds;

    fn example() -> PlanFile {
        example_plan(&mut CounterIds::default(), crate::example::test_day())
    }

    /// Every personal field of `file` that holds text, with repeats.
    fn personal_texts(file: &PlanFile) -> Vec<String> {
        file.actors
            .iter()
            .flat_map(|a| [a.referent.clone(), a.contact.clone()])
            .chain(file.actions.iter().map(|a| a.pilot.clone()))
            .chain(
                file.snapshots
                    .iter()
                    .flat_map(|s| s.sheets.iter().map(|x| x.pilot.clone())),
            )
            .chain(file.mobilisations.iter().map(|m| m.owner.clone()))
            .chain([file.plan.governance.internal_members.clone()])
            .filter(|t| !t.is_empty())
            .collect()
    }

    #[test]
    fn the_anonymised_example_keeps_everything_but_personal_data() {
        let mut file = example();
        // Real-looking people too, next to the example's roles and services.
        file.actors[0].referent = "Camille Martin".into();
        file.actors[0].contact = "camille.martin@demoville.example, 02 99 00 00 00".into();
        file.actions[0].pilot = "Dominique Bernard".into();
        file.mobilisations[0].owner = "Claude Petit".into();
        let personal = personal_texts(&file);
        assert!(personal.len() >= 20, "{personal:?}");

        let anonymised = file.anonymised();
        assert!(!file.is_anonymised() && anonymised.is_anonymised());
        assert!(personal_texts(&anonymised).is_empty());
        let original = file.to_json();
        let json = anonymised.to_json();
        for text in &personal {
            // As a whole JSON string: the example's mobilisation owners are services, and
            // « Direction du numérique » is also an actor's type, which stays.
            let quoted = serde_json::to_string(text).unwrap();
            let in_personal_fields = personal.iter().filter(|t| *t == text).count();
            let elsewhere = original.matches(&quoted).count() - in_personal_fields;
            assert_eq!(json.matches(&quoted).count(), elsewhere, "{text}");
            if elsewhere == 0 {
                let inner = &quoted[1..quoted.len() - 1];
                assert!(!json.contains(inner), "« {text} » is still in the export");
            }
        }
        for gone in [
            "Référent Numérique responsable",
            "contact@",
            "Chef de projet",
            "Vice-présidence",
            "Camille",
            "camille.martin",
            "02 99",
            "Dominique",
            "Claude",
        ] {
            assert!(original.contains(gone), "{gone}");
            assert!(!json.contains(gone), "{gone}");
        }

        // Everything else is equal: putting the personal fields back gives the original.
        let mut restored = anonymised.clone();
        for (a, o) in restored.actors.iter_mut().zip(&file.actors) {
            a.referent.clone_from(&o.referent);
            a.contact.clone_from(&o.contact);
        }
        for (a, o) in restored.actions.iter_mut().zip(&file.actions) {
            a.pilot.clone_from(&o.pilot);
        }
        for (m, o) in restored.mobilisations.iter_mut().zip(&file.mobilisations) {
            m.owner.clone_from(&o.owner);
        }
        for (s, o) in restored.snapshots.iter_mut().zip(&file.snapshots) {
            s.withheld = o.withheld;
            for (x, y) in s.sheets.iter_mut().zip(&o.sheets) {
                x.pilot.clone_from(&y.pilot);
            }
        }
        restored
            .plan
            .governance
            .internal_members
            .clone_from(&file.plan.governance.internal_members);
        assert!(restored.anonymised, "the copy says it is anonymised");
        restored.anonymised = false;
        assert_eq!(restored, file);
        assert_eq!(
            anonymised.actions[0].pilot_service,
            file.actions[0].pilot_service
        );
    }

    #[test]
    fn an_anonymised_plan_still_imports() {
        let anonymised = example().anonymised();
        assert_eq!(parse_plan_file(&anonymised.to_json()).unwrap(), anonymised);
        assert_eq!(anonymised.anonymised(), anonymised, "idempotent");
    }
}
