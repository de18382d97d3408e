<?cs # Small helpers shared by every page. Line breaks sit inside the tags so
  that including this file adds no blank lines before the doctype. ?><?cs
def:region_name(row) ?><?cs if:Page.Lang == "en" ?><?cs var:row.region_en ?><?cs else ?><?cs var:row.region_zh ?><?cs /if ?><?cs /def ?><?cs
def:region_label(row) ?><?cs if:Page.Lang == "en" ?><?cs var:row.name_en ?><?cs else ?><?cs var:row.name_zh ?><?cs /if ?><?cs /def ?><?cs
def:csrf_field() ?><input type="hidden" name="_csrf" value="<?cs var:CSRF ?>"><?cs /def ?><?cs
def:field_error(name) ?><?cs if:Form.Errors[name] ?><p class="field-error" id="err-<?cs var:name ?>"><?cs var:Form.Errors[name] ?></p><?cs /if ?><?cs /def ?><?cs
def:class_badge(c) ?><?cs if:c ?><span class="badge class-<?cs var:c ?>"><span class="sr-only"><?cs var:L.Customers.Class ?> </span><?cs var:c ?></span><?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?><?cs
def:dash(v) ?><?cs if:v ?><?cs var:v ?><?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?>