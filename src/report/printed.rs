//! The frame of every printable HTML document (the declaration, the supervision dossier, the
//! attendance lists, the changes of a replan): the doctype on a line of its own, the page's
//! language, title and inline style, and nothing else that may load or run.

use super::Lang;
use maud::{DOCTYPE, Markup, PreEscaped, html};

/// The whole document of `body`, in `lang`, styled by `style`.
pub(crate) fn document(lang: Lang, title: &str, style: &str, body: Markup) -> String {
    let page = html! {
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                // Nothing but the inline style may load or run, even if a value slipped through.
                meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(style)) }
            }
            body { (body) }
        }
    };
    format!("{}\n{}\n", DOCTYPE.into_string(), page.into_string())
}
