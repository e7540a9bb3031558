//! The frame of every page (DSFR header, skip links, footer) and the language in context.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::env;
use crate::i18n::{Lang, Msg};

/// The page's language, shared by every component.
#[derive(Clone, Copy)]
pub struct LangContext(pub RwSignal<Lang>);

pub fn provide_lang() {
    provide_context(LangContext(RwSignal::new(env::initial_lang())));
}

/// The language inside an island: the browser has no context from the page around it, so the
/// island gets the page's language as a prop and provides it to its own components.
pub fn provide_island_lang(lang: Lang) -> RwSignal<Lang> {
    let signal = RwSignal::new(lang);
    provide_context(LangContext(signal));
    signal
}

/// The current language; reading it inside a closure makes the text follow the switch.
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<LangContext>()
        .map(|c| c.0)
        .unwrap_or_else(|| RwSignal::new(Lang::default()))
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <div class="fr-skiplinks">
            <nav class="fr-container" role="navigation" aria-label=t(Msg::SkipLinksLabel)>
                <ul class="fr-skiplinks__list">
                    <li><a class="fr-link" href="#contenu">{t(Msg::SkipToContent)}</a></li>
                    <li><a class="fr-link" href="#pied-de-page">{t(Msg::SkipToFooter)}</a></li>
                </ul>
            </nav>
        </div>
        <Header />
        <main id="contenu" class="wif-main" tabindex="-1">
            {children()}
            <TranslationNotice />
        </main>
        <Footer />
    }
}

#[component]
fn Header() -> impl IntoView {
    view! {
        <header role="banner" class="fr-header">
            <div class="fr-header__body">
                <div class="fr-container">
                    <div class="fr-header__body-row">
                        <div class="fr-header__brand fr-enlarge-link">
                            <div class="fr-header__brand-top">
                                <div class="fr-header__logo">
                                    <p class="fr-logo">"République" <br /> "Française"</p>
                                </div>
                            </div>
                            <div class="fr-header__service">
                                <a href="/" title=t(Msg::HomeLinkTitle)>
                                    <p class="fr-header__service-title">"Work in France"</p>
                                </a>
                                <p class="fr-header__service-tagline">{t(Msg::Tagline)}</p>
                            </div>
                        </div>
                        <div class="fr-header__tools">
                            <div class="fr-header__tools-links wif-tools">
                                <LangSwitch />
                            </div>
                        </div>
                    </div>
                </div>
            </div>
            <div class="wif-nav">
                <div class="fr-container">
                    // On a phone the links wait behind a "Menu" button (DSFR's mobile header), so
                    // the page's heading is on the first screen. A disclosure the browser opens
                    // itself: it works before, and without, any JavaScript, by keyboard too, and
                    // says whether it is open; no page fetches WASM for it. From 62em it is
                    // always open and the button hidden (style/main.css).
                    <details class="wif-menu">
                        <summary class="fr-btn fr-btn--tertiary-no-outline fr-icon-menu-fill fr-btn--icon-left">
                            {t(Msg::MenuButton)}
                        </summary>
                        <nav class="fr-nav" role="navigation" aria-label=t(Msg::MainMenu)>
                            <ul class="fr-nav__list">
                                <NavLink href="/" label=Msg::NavHome />
                                <NavLink href="/eligibilite" label=Msg::NavEligibility />
                                <NavLink href="/demande" label=Msg::NavRequest />
                                <NavLink href="/acces" label=Msg::NavFollow />
                            </ul>
                        </nav>
                    </details>
                </div>
            </div>
        </header>
    }
}

#[component]
fn NavLink(href: &'static str, label: Msg) -> impl IntoView {
    let location = use_location();
    let current = move || (location.pathname.get() == href).then_some("page");
    view! {
        <li class="fr-nav__item">
            <a class="fr-nav__link" href=href aria-current=current>{t(label)}</a>
        </li>
    }
}

/// The language menu: the current language, and a link to the same page in each language (the
/// server remembers the choice). A disclosure the browser opens itself, as the navigation menu:
/// it works without JavaScript and by keyboard. The eligibility form keeps its address, and so
/// these links, in step with its answers (`env::browser::replace_query`).
#[component]
fn LangSwitch() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let href = move |to: Lang| {
        let query = location.search.get();
        let query = crate::url::with_param(query.trim_start_matches('?'), "lang", to.code());
        format!("{}?{}", location.pathname.get(), query)
    };
    view! {
        <details class="wif-langs" data-testid="lang-switch">
            <summary class="fr-btn fr-btn--tertiary-no-outline fr-icon-translate-2 fr-btn--icon-left" title=t(Msg::LanguageMenuTitle)>
                <span class="wif-lang__code" aria-hidden="true">{move || lang.get().code().to_uppercase()}</span>
                <span class="fr-sr-only">{t(Msg::LanguageMenuTitle)}" – "</span>
                {move || lang.get().native_name()}
            </summary>
            <ul class="wif-langs__list">
                {Lang::ALL.into_iter().map(|to| view! {
                    <li>
                        <a
                            class="fr-nav__link wif-lang"
                            href=move || href(to)
                            rel="external"
                            hreflang=to.tag()
                            lang=to.tag()
                            data-lang=to.code()
                            aria-current=move || (lang.get() == to).then_some("true")
                        >
                            <span class="wif-lang__code" aria-hidden="true">{to.code().to_uppercase()}</span>
                            {to.native_name()}
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </details>
    }
}

/// Under a translated page: the French text alone is authoritative, and the translation has not
/// been reviewed by a sworn translator yet. Said in the page's language.
#[component]
pub fn TranslationNotice() -> impl IntoView {
    let lang = use_lang();
    move || {
        lang.get().is_translation().then(|| {
            view! {
                <div class="fr-container">
                    <p class="fr-text--sm fr-mb-2w wif-translation-notice" data-testid="translation-notice">
                        {t(Msg::TranslationNotice)}
                    </p>
                </div>
            }
        })
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="fr-footer" role="contentinfo" id="pied-de-page">
            <div class="fr-container">
                <div class="fr-footer__body">
                    <div class="fr-footer__brand fr-enlarge-link">
                        <a href="/" title=t(Msg::HomeLinkTitle)>
                            <p class="fr-logo">"République" <br /> "Française"</p>
                        </a>
                    </div>
                    <div class="fr-footer__content">
                        <p class="fr-footer__content-desc">{t(Msg::FooterDescription)}</p>
                    </div>
                </div>
                <div class="fr-footer__bottom">
                    <ul class="fr-footer__bottom-list">
                        <li class="fr-footer__bottom-item">
                            <a class="fr-footer__bottom-link" href="/accessibilite">{t(Msg::AccessibilityStatus)}</a>
                        </li>
                        <li class="fr-footer__bottom-item">
                            <a class="fr-footer__bottom-link" href="/api/v1/openapi.json">{t(Msg::FooterApi)}</a>
                        </li>
                        <li class="fr-footer__bottom-item">
                            <a class="fr-footer__bottom-link" href="/verifier">{t(Msg::FooterVerify)}</a>
                        </li>
                        <li class="fr-footer__bottom-item">
                            <a class="fr-footer__bottom-link" href="/statistiques">{t(Msg::FooterStats)}</a>
                        </li>
                        <li class="fr-footer__bottom-item">
                            <a class="fr-footer__bottom-link" href="/instruction">{t(Msg::FooterInstructors)}</a>
                        </li>
                    </ul>
                    <div class="fr-footer__bottom-copy">
                        <p>{t(Msg::FooterLicence)}</p>
                    </div>
                </div>
            </div>
        </footer>
    }
}

/// The page's `<title>`. On the server it is computed while the page renders: leptos_meta reads
/// a title after the page's stream is done, when the request's reactive arena may no longer be
/// active, and reading the language signal there panicked (about one `/suivi` in ten without
/// JavaScript). In the browser it follows the language as it changes.
#[component]
pub fn PageTitle<F, S>(text: F) -> impl IntoView
where
    F: Fn() -> S + Send + Sync + 'static,
    S: Into<String> + 'static,
{
    #[cfg(feature = "ssr")]
    {
        let now: String = text().into();
        view! { <leptos_meta::Title text=now /> }
    }
    #[cfg(not(feature = "ssr"))]
    {
        view! { <leptos_meta::Title text=move || text().into() /> }
    }
}

/// A message of the catalogue in the page's language, following the language in context.
pub fn t(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || lang.get().t(msg)
}

/// DSFR's table frame. On a narrow screen the table scrolls sideways inside it: the scrolling
/// region takes the keyboard's focus, so arrow keys scroll it, and is named after the table
/// (WCAG 2.1.1; axe-core's `scrollable-region-focusable` found it at phone width).
#[component]
pub fn TableFrame(
    /// The table's name, its caption's words.
    label: impl Fn() -> &'static str + Send + Sync + 'static,
    /// DSFR modifiers and the page's own classes, after `fr-table`.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let class = if class.is_empty() {
        "fr-table".to_owned()
    } else {
        format!("fr-table {class}")
    };
    view! {
        <div class=class>
            <div class="fr-table__wrapper">
                <div class="fr-table__container" tabindex="0" role="region" aria-label=label>
                    <div class="fr-table__content">{children()}</div>
                </div>
            </div>
        </div>
    }
}
