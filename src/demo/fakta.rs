//! The facts the demo's motiveringar rest on, filled into the phrases' `[ange: …]` places: what
//! was missing and since when, which activity was offered and when, which reasonable rent and
//! since when.

use crate::domain::beslut::fraser::{fyll_i_fakta, ofylld_platshallare};
use crate::domain::beslut::underlag::FrusenBerakning;
use crate::domain::klarsprak::{datum, kronor, manad};
use crate::domain::manad::Manad;
use chrono::Days;

/// `text` with every fact place filled for the demo month `m` (rent from the calculation).
pub(super) fn fyll(text: &str, m: Manad, berakning: &FrusenBerakning) -> String {
    let forsta = m.forsta_dagen();
    let fore = |dagar: u64| datum(forsta - Days::new(dagar));
    let hyra = berakning.kostnader.iter().find(|k| k.godkant < k.ansokt);
    let fakta = [
        ("datum då vi bad om komplettering", datum(forsta + Days::new(1))),
        ("vilka handlingar eller uppgifter som saknas", "kontoutdrag för månaden".to_string()),
        ("sista dag att komplettera", datum(forsta + Days::new(3))),
        ("datum då aktiviteten erbjöds", fore(20)),
        ("vilken aktivitet eller praktik", "arbetsträning hos kommunens arbetsmarknadsenhet".to_string()),
        ("hyran per månad", hyra.map(|k| kronor(k.ansokt)).unwrap_or_default()),
        ("skälig hyra per månad", hyra.map(|k| kronor(k.godkant)).unwrap_or_default()),
        ("datum då du fick veta att hyran är för hög", fore(95)),
        ("datum då tiden gick ut", fore(1)),
        ("månad då den skäliga nivån började gälla", manad(m)),
    ];
    let mut t = text.to_string();
    for (vad, varde) in fakta {
        t = fyll_i_fakta(&t, vad, &varde);
    }
    debug_assert!(ofylld_platshallare(&t).is_none(), "{t}");
    t
}
