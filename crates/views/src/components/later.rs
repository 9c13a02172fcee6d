use leptos::prelude::*;

use crate::pacing::Pacer;

/// Draws its children in a later task than the page around it where the app's [`Pacer`]
/// defers them (see [`crate::pacing`]), at once otherwise.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    // On screen (or in the build) a part costs nothing over its children.
    let Some(pacer) = Pacer::deferring() else {
        return children().into_any();
    };
    let is_due = RwSignal::new(false);
    pacer.run_later(move || {
        // The page may be gone by then; nothing to draw.
        let _ = is_due.try_set(true);
    });
    (move || is_due.get().then(|| children())).into_any()
}
