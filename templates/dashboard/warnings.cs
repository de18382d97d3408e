<?cs # Rendered once per region revision, language and settings by
  cgi-bin/dashboard/overview.c and kept as HTML: see kept_render(). ?><?cs
include:"layout/macros.cs" ?><?cs include:"dashboard/macros.cs" ?><section class="card" id="warnings">
  <h2><?cs var:L.Dash.Warnings ?></h2>
  <div class="warn-grid">
    <?cs call:warn_box("falling", L.Dash.WarnFalling, Warn.Counts.falling, L.Dash.WarnFallingHint, Settings.falling_pct, "%", Warn.Falling) ?>
    <?cs call:warn_box("late", L.Dash.WarnLate, Warn.Counts.late, L.Dash.WarnLateHint, "", "", Warn.Late) ?>
    <?cs call:warn_box("unvisited", L.Dash.WarnUnvisited, Warn.Counts.unvisited, L.Dash.WarnUnvisitedHint, Settings.visit_days, L.Dash.Days, Warn.Unvisited) ?>
    <?cs call:warn_box("behind", L.Dash.WarnBehind, Warn.Counts.behind, L.Dash.WarnBehindHint, Settings.behind_pct, "%", Warn.Behind) ?>
  </div>
</section>
