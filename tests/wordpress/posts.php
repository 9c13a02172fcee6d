<?php
// Changes the test WordPress's posts the way an editor would, through WordPress's own PHP API,
// for the tests and measurements of rebuilds that fetch only what changed. It touches only
// posts whose slug starts with the prefix it is given, so the seeded posts stay as they are.
//
//   php posts.php create PREFIX N        N published posts PREFIX-1 … PREFIX-N, dated in the past
//   php posts.php edit SLUG TITLE        a new title (the post's modified time moves on)
//   php posts.php unpublish SLUG         back to a draft
//   php posts.php protect SLUG           a password
//   php posts.php delete SLUG            deleted for good
//   php posts.php page PREFIX            a published page (a WordPress page, not a post) PREFIX-page
//   php posts.php delete-page SLUG       that page deleted for good
//   php posts.php remove PREFIX          every post and page whose slug starts with PREFIX-, deleted
//                                        for good
//   php posts.php timezone [ZONE]        prints the site's time zone as ZONE,OFFSET; with a zone
//                                        name (or ZONE,OFFSET as printed), sets it first
//
// WP_HOSTPORT names the site (as for seed.php); WORDPRESS_CONFIG, when set, picks Debian's
// /etc/wordpress/config-<name>.php (a second site on the same WordPress).
$_SERVER['HTTP_HOST'] = getenv('WP_HOSTPORT'); $_SERVER['REQUEST_URI'] = '/'; $_SERVER['SERVER_NAME'] = '127.0.0.1';
if (getenv('WORDPRESS_CONFIG')) { $_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG'); }
require '/usr/share/wordpress/wp-load.php';
wp_set_current_user(1);

function fail($what) { fwrite(STDERR, (is_wp_error($what) ? $what->get_error_message() : $what) . "\n"); exit(1); }
function post_of($slug) {
    $found = get_posts(['name' => $slug, 'post_type' => 'post', 'post_status' => 'any', 'numberposts' => 1]);
    if (!$found) fail("no post $slug");
    return $found[0];
}
function own($prefix) {
    if (!preg_match('/^[a-z0-9]+(-[a-z0-9]+)*$/', $prefix)) fail("prefix $prefix is not a slug");
    return $prefix;
}
function updated($result) { if (is_wp_error($result) || !$result) fail($result ?: 'not updated'); }

$command = $argv[1] ?? '';
switch ($command) {
    case 'create':
        $prefix = own($argv[2] ?? ''); $n = (int) ($argv[3] ?? 0);
        wp_defer_term_counting(true);
        $category = term_exists('News', 'category') ?: wp_insert_term('News', 'category');
        for ($i = 1; $i <= $n; $i++) {
            // An hour apart, ending a day ago: a post's modified time starts as its date.
            $date = gmdate('Y-m-d H:i:s', time() - 86400 - 3600 * ($n - $i));
            $id = wp_insert_post(wp_slash([
                'post_title' => "Measured story $i", 'post_name' => "$prefix-$i", 'post_status' => 'publish',
                'post_date' => get_date_from_gmt($date), 'post_date_gmt' => $date,
                'post_content' => str_repeat("<!-- wp:paragraph --><p>The council met and agreed the minutes of story $i.</p><!-- /wp:paragraph -->\n", 12),
                'post_excerpt' => "What happened in story $i.", 'post_category' => [(int) $category['term_id']],
            ]), true);
            if (is_wp_error($id)) fail($id);
        }
        wp_defer_term_counting(false);
        echo "created $n posts\n";
        break;
    case 'edit':
        $post = post_of($argv[2] ?? '');
        updated(wp_update_post(['ID' => $post->ID, 'post_title' => $argv[3] ?? 'Edited'], true));
        break;
    case 'unpublish':
        updated(wp_update_post(['ID' => post_of($argv[2] ?? '')->ID, 'post_status' => 'draft'], true));
        break;
    case 'protect':
        updated(wp_update_post(['ID' => post_of($argv[2] ?? '')->ID, 'post_password' => 'secret'], true));
        break;
    case 'delete':
        if (!wp_delete_post(post_of($argv[2] ?? '')->ID, true)) fail('not deleted');
        break;
    case 'page':
        $prefix = own($argv[2] ?? '');
        $id = wp_insert_post(wp_slash([
            'post_title' => 'Measured page', 'post_name' => "$prefix-page", 'post_status' => 'publish', 'post_type' => 'page',
            'post_content' => '<!-- wp:paragraph --><p>How the measured stories are told.</p><!-- /wp:paragraph -->',
        ]), true);
        if (is_wp_error($id)) fail($id);
        break;
    case 'delete-page':
        $page = get_page_by_path($argv[2] ?? '', OBJECT, 'page');
        if (!$page || !wp_delete_post($page->ID, true)) fail('not deleted');
        break;
    case 'remove':
        global $wpdb;
        $prefix = own($argv[2] ?? '');
        $ids = $wpdb->get_col($wpdb->prepare(
            "SELECT ID FROM $wpdb->posts WHERE post_type IN ('post', 'page') AND post_name LIKE %s",
            $wpdb->esc_like("$prefix-") . '%'
        ));
        foreach ($ids as $id) { wp_delete_post((int) $id, true); }
        echo 'removed ' . count($ids) . " posts and pages\n";
        break;
    case 'timezone':
        // "ZONE,OFFSET" as printed puts back both options as they were; a zone name alone sets it.
        if (isset($argv[2])) {
            [$zone, $offset] = array_pad(explode(',', $argv[2], 2), 2, '');
            update_option('timezone_string', $zone);
            update_option('gmt_offset', $offset);
        }
        echo get_option('timezone_string') . ',' . get_option('gmt_offset') . "\n";
        break;
    default:
        fail("usage: php posts.php create|edit|unpublish|protect|delete|page|delete-page|remove|timezone …");
}
