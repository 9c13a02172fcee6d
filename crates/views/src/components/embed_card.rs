use leptos::prelude::*;
use news_model::Embed;

use news_i18n::Msg;

use crate::site::LinkResolver;
use crate::words::Words;

/// Third-party media as a link card: who hosts it, its title and where the link goes. Never
/// a frame or a script of theirs. Draws nothing when the address cannot be resolved.
#[component]
pub fn EmbedCard(embed: Embed) -> impl IntoView {
    let resolved = use_context::<LinkResolver>().and_then(|resolver| resolver.resolve(&embed.url));
    resolved.map(|resolved| {
        let host = host_of(&resolved.absolute);
        let provider = embed.provider.unwrap_or_else(|| host.clone());
        let title = embed.title.unwrap_or_else(|| {
            Words::from_context().fill(Msg::EmbedViewOn, &[("provider", &provider)])
        });
        view! {
            <figure class="embed-card">
                <a class="embed-card__link" href=resolved.url.clone() rel=resolved.rel()>
                    <span class="embed-card__provider">{provider}</span>
                    <span class="embed-card__title">{title}</span>
                    <span class="embed-card__host">{host}</span>
                </a>
            </figure>
        }
    })
}

/// The host of an absolute URL without a leading `www.`, as a reader recognises it.
fn host_of(url: &str) -> String {
    let after_scheme = url.split_once("//").map_or(url, |(_, rest)| rest);
    let host = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let host = host.rsplit_once('@').map_or(host, |(_, host)| host);
    host.strip_prefix("www.").unwrap_or(host).to_owned()
}

#[cfg(test)]
mod tests {
    use super::host_of;

    #[test]
    fn host_is_shown_without_www_or_credentials() {
        assert_eq!(host_of("https://www.youtube.com/watch?v=1"), "youtube.com");
        assert_eq!(host_of("https://user@x.example:8080/a"), "x.example:8080");
        assert_eq!(host_of("mailto:a@b.example"), "b.example");
    }
}
