<?php
$_SERVER['HTTP_HOST'] = getenv('WP_HOSTPORT'); $_SERVER['REQUEST_URI'] = '/'; $_SERVER['SERVER_NAME'] = '127.0.0.1';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
function wp_new_blog_notification() {}  // pluggable; the default one calls sendmail, which is not installed
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
if (is_blog_installed()) { echo "WordPress already installed\n"; exit(0); }
$r = wp_install('WP Test Site', 'admin', 'admin@example.com', true, '', 'admin-password');
echo "WordPress installed, admin user id {$r['user_id']}\n";
