</main>
<footer class="footer"><div class="container"><?cs var:L.Public.Footer ?></div></footer>
<script src="/static/complaint.js?v=<?cs var:Page.Asset ?>" defer></script>
</body>
</html>
