</main>
<footer class="footer"><div class="container"><?cs var:L.Footer ?></div></footer>
<script src="/static/forms.js?v=<?cs var:Page.Asset ?>" defer></script>
<script src="/static/layout.js?v=<?cs var:Page.Asset ?>" defer></script>
<?cs each:s = Page.Scripts ?><script src="<?cs var:s ?>?v=<?cs var:Page.Asset ?>" defer></script>
<?cs /each ?></body>
</html>
