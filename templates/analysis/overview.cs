<?cs set:Page.Title = L.Analysis.Title ?><?cs include:"layout/top.cs" ?>
<div class="page-head">
  <h1><?cs var:L.Analysis.Title ?></h1>
</div>
<p class="muted" id="analysis-intro"><?cs var:L.Analysis.Intro ?></p>
<?cs include:"layout/bottom.cs" ?>
