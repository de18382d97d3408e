<?cs # The analysis pages' sub-navigation: one line per page (each page's
   # helper adds its own line); Page.Sub marks the current one. ?>
<nav class="tabs analysis-subnav" id="analysis-subnav" aria-label="<?cs var:L.Analysis.Nav.Label ?>">
<a href="/analysis" id="sub-overview"<?cs if:Page.Sub == "overview" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:L.Analysis.Nav.overview ?></a>
<a href="/analysis/report" id="sub-report"<?cs if:Page.Sub == "report" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:L.Analysis.Nav.report ?></a>
<a href="/analysis/wake" id="sub-wake"<?cs if:Page.Sub == "wake" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:L.Analysis.Nav.wake ?></a>
<a href="/analysis/settings" id="sub-settings"<?cs if:Page.Sub == "settings" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:L.Analysis.Nav.settings ?></a>
</nav>
