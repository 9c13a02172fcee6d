<?php
// Router for `php -S`: Debian keeps WP_CONTENT_DIR in /var/lib/wordpress/wp-content (Apache aliases it);
// serve it under /wp-content/, serve other existing files from /usr/share/wordpress, route the rest to index.php.
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
if (strncmp($path, '/wp-content/', 12) === 0) {
    $base = realpath('/var/lib/wordpress/wp-content');
    $f = realpath('/var/lib/wordpress' . $path);
    if ($f !== false && is_file($f) && strncmp($f, $base . '/', strlen($base) + 1) === 0 && !preg_match('/\.php$/i', $f)) {
        $types = ['jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'png' => 'image/png', 'gif' => 'image/gif',
                  'webp' => 'image/webp', 'svg' => 'image/svg+xml', 'css' => 'text/css', 'js' => 'application/javascript'];
        header('Content-Type: ' . ($types[strtolower(pathinfo($f, PATHINFO_EXTENSION))] ?? 'application/octet-stream'));
        header('Content-Length: ' . filesize($f));
        readfile($f);
        return true;
    }
}
if ($path !== '/' && file_exists($_SERVER['DOCUMENT_ROOT'] . $path)) return false;
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
