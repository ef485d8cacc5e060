#pragma once
// The CSS of kint's HTML pages (review, report): one palette, one card, one print layout.
#include <string_view>

namespace kint::render {

// Calm and legible in greyscale print too: the CSS never carries meaning on colour alone (every
// calendar mark has a symbol, every series its own point shape).
inline constexpr std::string_view style_sheet = R"css(
:root{--bg:#f5f4ef;--card:#fff;--ink:#1f2a33;--muted:#5d6975;--line:#e2e5e8;--grid:#e6e8eb;
--mood:#2f63a6;--energy:#b35c23;--done:#2d7a57;--done-bg:#e3f1ea;--extra:#3f8f86;--extra-bg:#e2f1ef;
--slip:#93600f;--slip-bg:#fbf0dc;--skip:#5f6f80;--skip-bg:#eef1f4;--off:#a3acb5;--note:#fdf6e7;
--note-line:#c98a1c;--safety:#fff1ee;--safety-line:#b54a3a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);
font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","DejaVu Sans",Arial,sans-serif}
main{max-width:46rem;margin:0 auto;padding:1.25rem 1rem 2.5rem;overflow-wrap:anywhere}
h1{font-size:1.65rem;line-height:1.2;margin:.4rem 0 .2rem;font-weight:650;letter-spacing:-.01em}
h2{font-size:1.08rem;margin:2rem 0 .7rem;font-weight:650}
h3{font-size:1.08rem;margin:.1rem 0 .2rem;font-weight:650;line-height:1.3}
p{margin:.4rem 0}
ul,ol{margin:.4rem 0;padding-left:1.3rem}
li{margin:.2rem 0}
small,.muted{color:var(--muted)}
time,.nowrap{white-space:nowrap}
code{font-size:.92em}
.card{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:1rem 1.1rem;
margin:0 0 1rem;break-inside:avoid;page-break-inside:avoid}
.kicker{margin:0;color:var(--muted);font-size:.85rem;letter-spacing:.06em;text-transform:uppercase}
.period{margin:0;color:var(--muted)}
.safety{background:var(--safety);border:1px solid var(--safety-line);border-left-width:6px;
border-radius:12px;padding:.9rem 1.1rem;margin:.4rem 0 1.4rem}
.safety h2{margin:0 0 .3rem;font-size:1.05rem}
.safety .message{white-space:pre-line}.safety .contact{font-size:1.05rem}
.intentions{list-style:none;padding:0}
.intentions li{padding:.45rem .8rem;border-left:4px solid var(--line);background:var(--card);
border-radius:0 10px 10px 0;margin:.4rem 0}
.intentions li.focus{border-left-color:var(--done)}
.tag{display:inline-block;font-size:.75rem;padding:0 .45rem;border-radius:99px;border:1px solid currentColor;
color:var(--done);margin-left:.4rem;vertical-align:.1em;white-space:nowrap}
figure{margin:0}
svg.chart{display:block;width:100%;height:auto}
svg .grid{stroke:var(--grid);stroke-width:1}
svg .axis{fill:var(--muted);font-size:19px;font-family:inherit}
svg .legend{fill:var(--ink);font-size:20px;font-family:inherit}
svg .empty{fill:var(--muted);font-size:20px;font-family:inherit}
svg .line{fill:none;stroke-width:2.5;stroke-linejoin:round;stroke-linecap:round}
svg .mood{stroke:var(--mood)}
svg .energy{stroke:var(--energy);stroke-dasharray:7 5}
svg .pt-mood{fill:var(--mood);stroke:var(--card);stroke-width:1.5}
svg .pt-energy{fill:var(--card);stroke:var(--energy);stroke-width:2}
.stats{list-style:none;padding:0;margin:.6rem 0 0;font-size:.95rem}
.stats li{margin:.15rem 0}
.stats .key{display:inline-block;width:1.1rem;font-weight:700}
.stats .key-mood{color:var(--mood)}.stats .key-energy{color:var(--energy)}
.cue .trigger{margin:0;color:var(--muted);font-size:.95rem}
.cue .meta{margin:0 0 .6rem;color:var(--muted);font-size:.85rem}
.m-done{--c:var(--done);--b:var(--done-bg)}.m-extra{--c:var(--extra);--b:var(--extra-bg)}
.m-slip,.m-missed,.m-unmet{--c:var(--slip);--b:var(--slip-bg)}.m-skip,.m-paused{--c:var(--skip);--b:var(--skip-bg)}
.m-not_scheduled,.m-future,.m-open{--c:var(--off);--b:transparent}
.cal{list-style:none;padding:0;margin:.5rem 0 .8rem;display:grid;grid-template-columns:repeat(7,minmax(0,1fr));gap:.3rem}
.cal li{margin:0;border:1px solid var(--line);border-radius:9px;text-align:center;padding:.25rem 0 .3rem;
line-height:1.15;min-width:0;background:var(--b)}
.cal .wd{display:block;font-size:.7rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.cal .mk{display:block;font-size:1.15rem;font-weight:700;height:1.35rem;line-height:1.35rem;color:var(--c)}
.cal .dn{display:block;font-size:.72rem;color:var(--muted)}
.cal .m-done,.cal .m-slip,.cal .m-extra{border-color:var(--c)}
.cal .m-extra,.cal .m-future{border-style:dashed}.cal .m-paused{border-style:dotted;border-color:var(--c)}
.cal .m-future .mk{font-weight:400}
.cal .pad{border:0;background:none}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
.figures{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:.5rem .9rem;margin:.4rem 0}
.figures div{min-width:0}
.figures dt{font-size:.78rem;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
.figures dd{margin:0;font-size:1.02rem}
.figures dd b{font-size:1.25rem;font-weight:650}
.figures dd small{display:block;font-size:.82rem;line-height:1.3}
.figures .wide{grid-column:1/-1}
.bar{display:block;height:.4rem;border-radius:99px;background:var(--line);margin-top:.25rem;overflow:hidden}
.bar span{display:block;height:100%;background:var(--done);border-radius:99px}
.comeback{color:var(--done);font-size:.95rem}
.suggest{margin:.8rem 0 0;padding:.6rem .8rem;border-left:4px solid var(--mood);background:var(--bg);border-radius:0 10px 10px 0}
.suggest b{display:block;font-size:.78rem;text-transform:uppercase;letter-spacing:.05em;color:var(--mood)}
.phase-note{font-size:.92rem;color:var(--muted);margin-top:.6rem}
.step-change{margin-top:.6rem;font-size:.95rem}.step-change small{color:var(--muted)}.step-change .text{display:block;white-space:pre-line;color:var(--muted)}
.marks{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.35rem .9rem;font-size:.85rem;color:var(--muted);margin:0 0 .6rem}
.marks li{margin:0;white-space:nowrap}
.marks .mk{display:inline-block;width:1.5rem;text-align:center;border:1px solid var(--line);border-radius:6px;
margin-right:.3rem;font-weight:700;color:var(--c);background:var(--b)}
.notes{list-style:none}
.notes li{margin:0;padding:.5rem 0 .5rem 1.4rem;border-bottom:1px solid var(--line);position:relative}
.notes li:last-child{border-bottom:0}
.notes time,.notes .src{display:block;color:var(--muted);font-size:.82rem}
.notes .text{white-space:pre-line}
.notes li::before{position:absolute;left:0;top:.55rem;font-weight:700}
.wins li::before{content:"✦";color:var(--done)}
.obstacles li::before{content:"◇";color:var(--slip)}
.card.prompts{padding-left:2.6rem}
.prompts li{margin:.35rem 0}
.phase-safety{list-style:none;border-left:4px solid var(--note-line);background:var(--note);padding:.5rem .8rem;border-radius:0 10px 10px 0}
footer{margin-top:2rem;color:var(--muted);font-size:.9rem;text-align:center}
.cal .mon{font-weight:700;color:var(--ink)}
.cal .at{position:absolute;top:.1rem;right:.25rem;font-size:.75rem;color:var(--mood)}
.cal li{position:relative}
table.weeks{width:100%;border-collapse:collapse;font-size:.9rem;margin:.3rem 0 .6rem}
table.weeks th,table.weeks td{padding:.2rem .4rem;border-bottom:1px solid var(--line);text-align:right}
table.weeks th:first-child,table.weeks td:first-child{text-align:left}
table.weeks th{font-size:.78rem;color:var(--muted);font-weight:600}
.link{font-size:.92rem;margin:.5rem 0}
.sessions{list-style:none;padding:0;margin:.5rem 0 0;font-size:.92rem}
.sessions li::before{content:"◆ ";color:var(--mood)}
@media (min-width:40rem){main{padding:2rem 1.5rem 3rem}h1{font-size:2rem}.cal{gap:.45rem}
.figures{grid-template-columns:repeat(4,minmax(0,1fr))}
svg .axis{font-size:11px}svg .legend{font-size:12.5px}svg .empty{font-size:13px}svg .line{stroke-width:2.2}}
@media screen and (prefers-color-scheme:dark){:root{--bg:#15191d;--card:#1d2328;--ink:#e6e9ec;--muted:#9aa5b0;
--line:#2f373e;--grid:#2c343b;--mood:#7fb0ea;--energy:#e79a62;--done:#6cc59b;--done-bg:#1d3a2e;
--extra:#6cc0b6;--extra-bg:#1b3734;--slip:#e0b15c;--slip-bg:#3a2f1a;--skip:#9aa9b8;--skip-bg:#262d34;
--off:#5d6873;--note:#2e2818;--safety:#3a201c;--safety-line:#e0806f}}
@page{margin:1.5cm 1.4cm}
@media print{:root{--bg:#fff;--card:#fff;--ink:#000;--muted:#3d3d3d;--line:#9a9a9a;--grid:#d0d0d0;
--done-bg:#fff;--extra-bg:#fff;--slip-bg:#fff;--skip-bg:#fff;--note:#fff;--safety:#fff;--safety-line:#000}
body{font-size:10.5pt;background:#fff}main{max-width:none;padding:0}
.card{border-radius:6px;padding:.7rem .9rem}.safety{border-width:2px 2px 2px 6px}
.card,.safety,.cal,.figures,.suggest,.notes li,.intentions li,.prompts li{break-inside:avoid;page-break-inside:avoid}
h1,h2,h3,header,.cue .trigger{break-after:avoid;page-break-after:avoid}
.bar{background:none;border:1px solid var(--line);-webkit-print-color-adjust:exact;print-color-adjust:exact}
.cal li{border-color:var(--line)}.cal .mk,.marks .mk{color:#000}
footer{margin-top:1rem}}
)css";

} // namespace kint::render
