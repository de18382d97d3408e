<?cs # Helpers of the dashboard page and its kept fragments (warnings.cs,
  charts.cs). Line breaks sit inside the tags so that including this file
  adds no blank lines. ?><?cs
def:amount(v) ?><?cs if:v ?><?cs var:money(v) ?><?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?><?cs
def:pct(v) ?><?cs if:v ?><?cs var:v ?>%<?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?><?cs
def:dealer_list(rows, id, kind) ?><ul class="warn-list" id="<?cs var:id ?>"><?cs each:w = rows ?><li><a href="/customers/<?cs var:w.id ?>"><?cs var:w.name ?></a> <span class="muted nowrap"><?cs
  if:kind == "falling" ?><?cs var:w.v ?>%<?cs
  elif:kind == "late" ?>¥<?cs var:money(w.v) ?><?cs
  elif:kind == "unvisited" ?><?cs if:w.v ?><?cs var:w.v ?><?cs else ?><?cs var:L.Dash.NeverContacted ?><?cs /if ?><?cs
  else ?><?cs var:L.Dash.SpentOfDue ?> <?cs var:w.v ?>%<?cs /if ?></span></li><?cs /each ?></ul><?cs /def ?>
<?cs def:warn_box(kind, title, n, hint, limit, unit, rows) ?><div class="warn-box" id="warn-<?cs var:kind ?>"><h3><?cs var:title ?> <span class="tag<?cs if:n > 0 ?> warn<?cs /if ?>"><?cs var:n ?></span></h3>
  <p class="muted small"><?cs var:hint ?><?cs if:limit ?> <?cs var:limit ?><?cs if:unit != "%" ?> <?cs /if ?><?cs var:unit ?><?cs /if ?></p><?cs call:dealer_list(rows, "list-" + kind, kind) ?></div><?cs /def ?>