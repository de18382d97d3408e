<?cs # The ranked lists' filter fields (region, salesperson, class); the page adds its own before the button. ?><?cs
def:region_select() ?>
  <label for="region"><?cs var:L.Rank.Region ?></label>
  <select id="region" name="region">
    <?cs if:User.Role != "regional_manager" || subcount(Regions) > 1 ?><option value="0"><?cs var:L.Rank.AllRegions ?></option><?cs /if ?>
    <?cs each:g = Regions ?><option value="<?cs var:g.id ?>"<?cs if:g.id == Filter.region ?> selected<?cs /if ?>><?cs call:region_label(g) ?></option><?cs /each ?>
  </select>
<?cs
/def ?><?cs
def:rank_filter_fields() ?><?cs call:region_select() ?>
  <label for="owner"><?cs var:L.Rank.Owner ?></label>
  <select id="owner" name="owner">
    <option value="0"><?cs var:L.Rank.AllOwners ?></option>
    <?cs each:o = Owners ?><option value="<?cs var:o.id ?>"<?cs if:o.id == Filter.owner ?> selected<?cs /if ?>><?cs var:o.display_name ?></option><?cs /each ?>
  </select>
  <label for="class"><?cs var:L.Rank.Class ?></label>
  <select id="class" name="class">
    <option value=""><?cs var:L.Rank.AllClasses ?></option>
    <?cs each:c = L.AbcName ?><option value="<?cs name:c ?>"<?cs if:Filter.class == name(c) ?> selected<?cs /if ?>><?cs name:c ?> <?cs var:c ?></option><?cs /each ?>
  </select><?cs
/def ?><?cs
def:rank_pager(base) ?>
  <nav class="pager" aria-label="<?cs var:L.Pager.Label ?>">
    <?cs if:Pager.Prev ?><a class="button" rel="prev" href="<?cs var:base ?>?<?cs var:Filter.Query ?>&amp;page=<?cs var:Pager.Prev ?>"><?cs var:L.Pager.Prev ?></a><?cs /if ?>
    <span class="muted"><?cs var:Pager.From ?>–<?cs var:Pager.To ?> / <?cs var:Pager.Total ?> · <?cs var:L.Pager.PageBefore ?> <?cs var:Pager.Page ?> <?cs var:L.Pager.PageOf ?> <?cs var:Pager.Pages ?> <?cs var:L.Pager.PageAfter ?></span>
    <?cs if:Pager.Next ?><a class="button" rel="next" href="<?cs var:base ?>?<?cs var:Filter.Query ?>&amp;page=<?cs var:Pager.Next ?>"><?cs var:L.Pager.Next ?></a><?cs /if ?>
  </nav><?cs
/def ?><?cs
def:run_as_of() ?><?cs if:Run.as_of ?><?cs var:L.Rank.AsOf ?> <strong id="as-of"><?cs var:Run.as_of ?></strong><?cs else ?><span id="no-run"><?cs var:L.Rank.NoRun ?></span><?cs /if ?><?cs /def ?>
