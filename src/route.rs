//! Screens and their URLs. Routes live in the URL fragment (`#/acteurs`) so that a reload works
//! on any static host, under any sub-path, without rewrite rules; the browser's own history
//! gives Back and Forward. Fragments starting `#partage=` are reserved for share links.

use atelier_core::i18n::t;

/// One screen of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// Plan list: create, open, import.
    Home,
    /// Context: territory, obligations, the kit's figures.
    Context,
    /// Step 1 « Qui mobiliser ? ».
    Actors,
    /// Step 2 « Comment les mobiliser ? ».
    Mobilise,
    /// Step 3 « Quelles actions ? », in one of its views.
    Actions(ActionsView),
    /// Conclusion: governance and export.
    Conclusion,
    /// The printable report of the whole plan.
    Report,
    /// The printable yearly review (« bilan annuel ») of a year.
    Bilan(i32),
    /// About: version, offline use, storage.
    About,
    /// « Déclaration d'accessibilité » (RGAA).
    Accessibility,
    /// « Déclaration d'écoconception » (RGESN).
    Ecodesign,
    /// Projector mode, on slide `n` (1-based; clamped to the slides there are).
    Projector(u8),
    /// A share link (`#partage=…`), reserved for a later version.
    Share,
    /// The preview of a merge with a copy of the open plan (`#/fusion`).
    Merge,
    /// Any other fragment.
    Unknown,
}

/// The views of step 3, each with its own URL so that Back returns to the previous view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionsView {
    /// Sortable, filterable list of the fiches action.
    List,
    /// Kanban by status.
    Board,
    /// Timeline by quarter.
    Roadmap,
    /// Impact × effort matrix.
    Matrix,
    /// The kit's key actions and examples, to start from.
    Catalogue,
}

impl ActionsView {
    pub const ALL: [ActionsView; 5] = [
        ActionsView::Catalogue,
        ActionsView::List,
        ActionsView::Board,
        ActionsView::Roadmap,
        ActionsView::Matrix,
    ];

    /// Name of the view in the view switch.
    pub fn label(self) -> &'static str {
        match self {
            ActionsView::List => t("common.actions_view.list"),
            ActionsView::Board => t("common.actions_view.board"),
            ActionsView::Roadmap => t("common.actions_view.roadmap"),
            ActionsView::Matrix => t("common.actions_view.matrix"),
            ActionsView::Catalogue => t("common.actions_view.catalogue"),
        }
    }
}

impl Route {
    /// The wizard's screens in order (the plan list is not a step).
    pub const STEPS: [Route; 5] = [
        Route::Context,
        Route::Actors,
        Route::Mobilise,
        Route::Actions(ActionsView::List),
        Route::Conclusion,
    ];

    /// The fragment of this route, `#/…`.
    pub fn hash(self) -> &'static str {
        match self {
            Route::Home => "#/",
            Route::Context => "#/contexte",
            Route::Actors => "#/acteurs",
            Route::Mobilise => "#/mobiliser",
            Route::Actions(ActionsView::List) => "#/actions",
            Route::Actions(ActionsView::Board) => "#/actions/tableau",
            Route::Actions(ActionsView::Roadmap) => "#/actions/feuille-de-route",
            Route::Actions(ActionsView::Matrix) => "#/actions/matrice",
            Route::Actions(ActionsView::Catalogue) => "#/actions/catalogue",
            Route::Conclusion => "#/conclusion",
            Route::Report => "#/rapport",
            // The year is in the fragment; see `Route::href`.
            Route::Bilan(_) => "#/bilan",
            Route::About => "#/a-propos",
            Route::Accessibility => "#/accessibilite",
            Route::Ecodesign => "#/ecoconception",
            // Only the first slide has a static fragment; see `Route::href`.
            Route::Projector(_) => "#/projection",
            Route::Share => "#partage=",
            Route::Merge => "#/fusion",
            Route::Unknown => "#/introuvable",
        }
    }

    /// Reads a fragment (`#/acteurs`, with or without `#`). An empty fragment gives `None`;
    /// a share link [`Route::Share`]; anything else unknown [`Route::Unknown`].
    pub fn parse(hash: &str) -> Option<Route> {
        let path = hash.trim_start_matches('#');
        if path.is_empty() {
            return None;
        }
        if path.starts_with("partage=") {
            return Some(Route::Share);
        }
        if let Some(year) = path.strip_prefix("/bilan/") {
            // Only years a plan can hold (1990–2100): « #/bilan/99999 » is no page.
            let year = year
                .parse()
                .ok()
                .filter(|y| atelier_core::text::YEARS.contains(y));
            return Some(year.map_or(Route::Unknown, Route::Bilan));
        }
        if let Some(rest) = path.strip_prefix("/projection") {
            let n = rest.trim_start_matches('/');
            return Some(match n {
                "" => Route::Projector(1),
                n => n.parse().map_or(Route::Unknown, Route::Projector),
            });
        }
        Some(
            Self::fixed()
                .into_iter()
                .find(|r| r.hash().trim_start_matches('#') == path)
                .unwrap_or(Route::Unknown),
        )
    }

    /// The fragment of this route, with the slide number for the projector.
    pub fn href(self) -> String {
        match self {
            Route::Projector(n) => format!("#/projection/{n}"),
            Route::Bilan(year) => format!("#/bilan/{year}"),
            other => other.hash().to_owned(),
        }
    }

    /// Short title, used in the step bar and the page title.
    pub fn title(self) -> &'static str {
        match self {
            Route::Home => t("common.route.home"),
            Route::Context => t("common.route.context"),
            Route::Actors => t("common.route.actors"),
            Route::Mobilise => t("common.route.mobilise"),
            Route::Actions(_) => t("common.route.actions"),
            Route::Conclusion => t("common.route.conclusion"),
            Route::Report => t("common.route.report"),
            Route::Bilan(_) => t("common.route.bilan"),
            Route::About => t("common.route.about"),
            Route::Accessibility => t("common.route.accessibility"),
            Route::Ecodesign => t("common.route.ecodesign"),
            Route::Projector(_) => t("common.route.projector"),
            Route::Share => t("common.route.share"),
            Route::Merge => t("common.route.merge"),
            Route::Unknown => t("common.route.unknown"),
        }
    }

    /// Every route whose fragment is fixed (no year, slide or link in it).
    fn fixed() -> impl Iterator<Item = Route> {
        let others = [
            Route::Home,
            Route::Report,
            Route::About,
            Route::Accessibility,
            Route::Ecodesign,
            Route::Merge,
        ];
        let views = ActionsView::ALL.map(Route::Actions);
        others.into_iter().chain(Self::STEPS).chain(views)
    }

    /// Position among [`Route::STEPS`] (0-based), `None` for the plan list.
    pub fn step_index(self) -> Option<usize> {
        let screen = std::mem::discriminant(&self);
        Self::STEPS
            .iter()
            .position(|r| std::mem::discriminant(r) == screen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_parses_back_from_its_hash() {
        for r in Route::fixed() {
            assert_eq!(Route::parse(r.hash()), Some(r));
        }
        assert_eq!(
            Route::Actions(ActionsView::Matrix).step_index(),
            Route::Actions(ActionsView::List).step_index(),
            "every view of step 3 is step 3"
        );
        assert_eq!(Route::parse("#partage=abc"), Some(Route::Share));
        assert_eq!(Route::parse("#/projection"), Some(Route::Projector(1)));
        assert_eq!(
            Route::parse(&Route::Projector(7).href()),
            Some(Route::Projector(7))
        );
        assert_eq!(Route::parse("#/projection/x"), Some(Route::Unknown));
        assert_eq!(
            Route::parse(&Route::Bilan(2026).href()),
            Some(Route::Bilan(2026))
        );
        assert_eq!(Route::parse("#/bilan/deux"), Some(Route::Unknown));
        assert_eq!(Route::parse("#/bilan/-1"), Some(Route::Unknown));
        assert_eq!(Route::parse("#/bilan/99999"), Some(Route::Unknown));
        assert_eq!(Route::parse("#/nimporte"), Some(Route::Unknown));
        assert_eq!(Route::parse(""), None);
        assert_eq!(Route::parse("#"), None);
    }
}
