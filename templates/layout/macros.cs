<?cs # Small helpers shared by every page. Line breaks sit inside the tags so
  that including this file adds no blank lines before the doctype. ?><?cs
def:region_name(row) ?><?cs if:Page.Lang == "en" ?><?cs var:row.region_en ?><?cs else ?><?cs var:row.region_zh ?><?cs /if ?><?cs /def ?><?cs
def:region_label(row) ?><?cs if:Page.Lang == "en" ?><?cs var:row.name_en ?><?cs else ?><?cs var:row.name_zh ?><?cs /if ?><?cs /def ?><?cs
def:csrf_field() ?><input type="hidden" name="_csrf" value="<?cs var:CSRF ?>"><?cs /def ?><?cs
def:field_error(name) ?><?cs if:Form.Errors[name] ?><p class="field-error" id="err-<?cs var:name ?>"><?cs var:Form.Errors[name] ?></p><?cs /if ?><?cs /def ?><?cs
def:class_badge(c) ?><?cs if:c ?><span class="badge class-<?cs var:c ?>" title="<?cs var:c ?> <?cs var:L.AbcName[c] ?>"><span class="sr-only"><?cs var:L.Customers.Class ?> </span><?cs var:c ?><span class="sr-only"> <?cs var:L.AbcName[c] ?></span></span><?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?><?cs
# Punctuation that differs by language: after a label (领导意见：, Decision: )
# and between the items of a list (、 or a comma).
?><?cs
def:colon() ?><?cs if:Page.Lang == "en" ?>: <?cs else ?>：<?cs /if ?><?cs /def ?><?cs
def:list_sep() ?><?cs if:Page.Lang == "en" ?>, <?cs else ?>、<?cs /if ?><?cs /def ?><?cs
# A list's filters: on a phone folded behind one button, so the first screen
# shows rows, and open when one of them is set; static/layout.js opens the
# fold on wider screens. The caller closes the <details>.
?><?cs
def:filter_fold(active) ?><details class="filter-fold"<?cs if:active ?> open<?cs /if ?>><summary class="button"><?cs var:L.FilterFold ?></summary><?cs /def ?><?cs
def:dash(v) ?><?cs if:v ?><?cs var:v ?><?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?><?cs
# Form fields: a label, the control filled from Form.<name>, the message
# from Form.Errors.<name>. `req` marks a required field.
?><?cs
def:text_field(name, label, type, req) ?><div class="field<?cs if:Form.Errors[name] ?> invalid<?cs /if ?>"><label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:req ?> <span class="req" aria-hidden="true">*</span><?cs /if ?></label><input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="<?cs var:type ?>" value="<?cs var:Form[name] ?>"<?cs if:req ?> required<?cs /if ?><?cs if:Form.Errors[name] ?> aria-invalid="true" aria-describedby="err-<?cs var:name ?>"<?cs /if ?>><?cs call:field_error(name) ?></div><?cs /def ?><?cs
def:area_field(name, label, req) ?><div class="field wide<?cs if:Form.Errors[name] ?> invalid<?cs /if ?>"><label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:req ?> <span class="req" aria-hidden="true">*</span><?cs /if ?></label><textarea id="f-<?cs var:name ?>" name="<?cs var:name ?>" rows="3"<?cs if:req ?> required<?cs /if ?><?cs if:Form.Errors[name] ?> aria-invalid="true" aria-describedby="err-<?cs var:name ?>"<?cs /if ?>><?cs var:Form[name] ?></textarea><?cs call:field_error(name) ?></div><?cs /def ?><?cs
def:choice_field(name, label, choices, req) ?><div class="field<?cs if:Form.Errors[name] ?> invalid<?cs /if ?>"><label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:req ?> <span class="req" aria-hidden="true">*</span><?cs /if ?></label><select id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs if:req ?> required<?cs /if ?><?cs if:Form.Errors[name] ?> aria-invalid="true" aria-describedby="err-<?cs var:name ?>"<?cs /if ?>><?cs if:!req ?><option value="">—</option><?cs elif:!Form[name] ?><option value=""><?cs var:L.Choose ?></option><?cs /if ?><?cs each:c = choices ?><option value="<?cs name:c ?>"<?cs if:Form[name] == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?></select><?cs call:field_error(name) ?></div><?cs /def ?><?cs
def:product_field(name, label, req) ?><div class="field<?cs if:Form.Errors[name] ?> invalid<?cs /if ?>"><label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:req ?> <span class="req" aria-hidden="true">*</span><?cs /if ?></label><select id="f-<?cs var:name ?>" name="<?cs var:name ?>"<?cs if:Form.Errors[name] ?> aria-invalid="true" aria-describedby="err-<?cs var:name ?>"<?cs /if ?>><?cs if:!req ?><option value="">—</option><?cs /if ?><?cs each:p = Products ?><option value="<?cs var:p.id ?>"<?cs if:Form[name] == p.id ?> selected<?cs /if ?>><?cs var:p.code ?> <?cs var:p.name ?></option><?cs /each ?></select><?cs call:field_error(name) ?></div><?cs /def ?><?cs
# The list kit (docs/list-kit.md): the filter form's pieces read Filter.*
# as core/list_filter.c wrote it; the pager and the export links carry
# Filter.Query (Filter.QuerySorted, with the order, on a list with a sort
# piece). A select of words (L.* groups) with "all" first; numbered
# shows each word's key before it (the steps); filter_counted with shown
# adds a count after each word (counts.<word>, 0 when absent): the customer
# list's numbers from the analysis batch.
?><?cs
def:filter_counted(name, label, all, choices, numbered, counts, shown) ?><label class="sr-only" for="<?cs var:name ?>"><?cs var:label ?></label><select id="<?cs var:name ?>" name="<?cs var:name ?>"><option value=""><?cs var:all ?></option><?cs each:c = choices ?><option value="<?cs name:c ?>"<?cs if:Filter[name] == name(c) ?> selected<?cs /if ?>><?cs if:numbered ?><?cs name:c ?> <?cs /if ?><?cs var:c ?><?cs if:shown ?> (<?cs alt:counts[name(c)] ?>0<?cs /alt ?>)<?cs /if ?></option><?cs /each ?></select><?cs /def ?><?cs
def:filter_select(name, label, all, choices, numbered) ?><?cs call:filter_counted(name, label, all, choices, numbered, "", 0) ?><?cs /def ?><?cs
# The regions the page offered (rows with id, name_zh, name_en); all ""
# leaves out the "all regions" choice (a manager of one region).
?><?cs
def:filter_region(label, all, regions) ?><label class="sr-only" for="region"><?cs var:label ?></label><select id="region" name="region"><?cs if:all ?><option value=""><?cs var:all ?></option><?cs /if ?><?cs each:g = regions ?><option value="<?cs var:g.id ?>"<?cs if:Filter.region == g.id ?> selected<?cs /if ?>><?cs call:region_label(g) ?></option><?cs /each ?></select><?cs /def ?><?cs
def:filter_check(id, name, value, label) ?><label class="check"><input id="<?cs var:id ?>" name="<?cs var:name ?>" type="checkbox" value="<?cs var:value ?>"<?cs if:Filter[name] == value ?> checked<?cs /if ?>> <?cs var:label ?></label><?cs /def ?><?cs
# Apply, and (reset not "") a link back to the list without filters; the
# end of the form's fold.
?><?cs
def:filter_end(path, apply, reset) ?><button type="submit" class="button primary"><?cs var:apply ?></button><?cs if:reset ?> <a class="button" href="<?cs var:path ?>"><?cs var:reset ?></a><?cs /if ?></div></details><?cs /def ?><?cs
# A sortable column's header (the sort piece's Filter.sort, .dir, .Next):
# a link to path sorted by key, in the direction Filter.Next gives; the
# current one marked for screen readers and with an arrow.
?><?cs
def:sort_th(path, key, label, cls) ?><th<?cs if:cls ?> class="<?cs var:cls ?>"<?cs /if ?><?cs if:Filter.sort == key ?> aria-sort="<?cs if:Filter.dir == "desc" ?>descending<?cs else ?>ascending<?cs /if ?>"<?cs /if ?>><a class="sort" data-sort="<?cs var:key ?>" title="<?cs var:L.List.SortBy ?>" href="<?cs var:path ?>?<?cs var:Filter.Query ?>&amp;sort=<?cs var:key ?>&amp;dir=<?cs var:Filter.Next[key] ?>"><?cs var:label ?><?cs if:Filter.sort == key ?> <span aria-hidden="true"><?cs if:Filter.dir == "desc" ?>▼<?cs else ?>▲<?cs /if ?></span><?cs /if ?></a></th><?cs /def ?><?cs
# Pager.* (page_pager in core/page.c): previous, the numbered pages, which
# rows of how many (exact counts only), where this page stands ("+" past a
# counting cap), next. A link keeps the list's order (Filter.QuerySorted
# when the list has a sort piece, else Filter.Query), then Pager.Extra
# (what the page keeps beside its filter, wake's results period), then
# page=N, and for the pages before and after this one their seek anchor
# (Pager.PrevAt, Pager.NextAt: page_pager_anchors).
?><?cs
def:list_query() ?><?cs if:?Filter.QuerySorted ?><?cs var:Filter.QuerySorted ?><?cs else ?><?cs var:Filter.Query ?><?cs /if ?><?cs /def ?><?cs
def:page_link(path, p) ?><?cs var:path ?>?<?cs call:list_query() ?><?cs if:Pager.Extra ?>&amp;<?cs var:Pager.Extra ?><?cs /if ?>&amp;page=<?cs var:p ?><?cs if:p == Pager.Prev && Pager.PrevAt ?>&amp;<?cs var:Pager.PrevAt ?><?cs elif:p == Pager.Next && Pager.NextAt ?>&amp;<?cs var:Pager.NextAt ?><?cs /if ?><?cs /def ?><?cs
def:pager(path) ?><nav class="pager" aria-label="<?cs var:L.Pager.Label ?>"><?cs if:Pager.Prev ?><a class="button" rel="prev" href="<?cs call:page_link(path, Pager.Prev) ?>"><?cs var:L.Pager.Prev ?></a> <?cs /if ?><span class="pages"><?cs each:l = Pager.Links ?><?cs if:l.gap ?><span class="muted">…</span><?cs elif:l.page == Pager.Page ?><span class="current" aria-current="page"><?cs var:l.page ?></span><?cs else ?><a class="page" href="<?cs call:page_link(path, l.page) ?>"><?cs var:l.page ?></a><?cs /if ?> <?cs /each ?></span> <span class="muted"><?cs if:Pager.Total > 0 && !Pager.Capped ?><span class="range"><?cs var:Pager.From ?>–<?cs var:Pager.To ?> / <?cs var:Pager.Total ?></span> · <?cs /if ?><?cs var:L.Pager.PageBefore ?> <?cs var:Pager.Page ?> <?cs var:L.Pager.PageOf ?> <?cs var:Pager.Pages ?><?cs if:Pager.Capped ?>+<?cs /if ?> <?cs var:L.Pager.PageAfter ?></span><?cs if:Pager.Next ?> <a class="button" rel="next" href="<?cs call:page_link(path, Pager.Next) ?>"><?cs var:L.Pager.Next ?></a><?cs /if ?></nav><?cs /def ?><?cs
# The same rows as a download (core/export.c): path.csv and path.xlsx with
# the filter, in the list's order when it has a sort piece.
?><?cs
def:export_links(path, label, hint) ?><p class="actions" id="export-links"><span class="muted"><?cs var:label ?><?cs call:colon() ?></span> <a class="button" id="export-csv"<?cs if:hint ?> title="<?cs var:hint ?>"<?cs /if ?> href="<?cs var:path ?>.csv?<?cs call:list_query() ?>"><?cs var:L.List.ExportCsv ?></a> <a class="button" id="export-xlsx"<?cs if:hint ?> title="<?cs var:hint ?>"<?cs /if ?> href="<?cs var:path ?>.xlsx?<?cs call:list_query() ?>"><?cs var:L.List.ExportXlsx ?></a></p><?cs /def ?>
