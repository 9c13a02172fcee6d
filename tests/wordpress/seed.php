<?php
// Seeds the test WordPress through its own PHP API: an About page and a private page,
// Gutenberg and classic posts, posts without a picture, protected and comments-closed posts,
// enough posts for several pages, a second author (login mlopez, named María López), and the
// project's hostile strings stored with kses off in titles, excerpts, content, captions and
// alt texts. Usage: php seed.php HERO_JPG HOSTILE_STRINGS_JSON
$_SERVER['HTTP_HOST'] = getenv('WP_HOSTPORT'); $_SERVER['REQUEST_URI'] = '/'; $_SERVER['SERVER_NAME'] = '127.0.0.1';
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
wp_set_current_user(1);
if (get_option('permalink_structure') !== '/%postname%/') {
    global $wp_rewrite;
    $wp_rewrite->set_permalink_structure('/%postname%/');
    $wp_rewrite->flush_rules(false);
}
// The site's own pages (WordPress pages, not posts): a published About page, which the test
// sites link from their footer, and a private one no reader may see. Seeded on their own, so a
// WordPress seeded before they were gains them too; pages are not posts, so no count of posts
// changes.
function site_page($fields) {
    if (get_page_by_path($fields['post_name'], OBJECT, 'page')) return;
    $id = wp_insert_post(wp_slash($fields + ['post_type' => 'page', 'post_status' => 'publish']), true);
    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
}
site_page([
    'post_title' => 'About the Gazette', 'post_name' => 'about', 'post_date' => '2024-01-01 09:00:00',
    'post_content' => <<<HTML
<!-- wp:paragraph -->
<p>The <strong>Northbridge Gazette</strong> reports on the town&#8217;s council, harbour and schools.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">Corrections</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>When we get something wrong we say so at the end of the story. Write to <a href="mailto:corrections@northbridge.example">the corrections desk</a>.</p>
<!-- /wp:paragraph -->

<!-- wp:list -->
<ul><!-- wp:list-item -->
<li>Founded in 1921</li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>Read <a href="/council-notes-day-1/">the council notes</a></li>
<!-- /wp:list-item --></ul>
<!-- /wp:list -->
HTML,
]);
site_page([
    'post_title' => 'Staff handbook', 'post_name' => 'staff-handbook', 'post_status' => 'private',
    'post_content' => '<!-- wp:paragraph --><p>For the newsroom only.</p><!-- /wp:paragraph -->',
]);

// A second author whose login is not her name (login mlopez, shown as "María López"), who
// writes three of the seeded posts: her byline's key comes from her name, not from WordPress's
// slug for her. The posts change hands rather than being added, so no count of posts changes.
// Run after the posts are seeded, and again on a WordPress seeded before she was.
function seed_author() {
    $user = get_user_by('login', 'mlopez');
    $id = $user ? $user->ID : wp_insert_user([
        'user_login' => 'mlopez', 'user_pass' => wp_generate_password(24), 'user_email' => 'mlopez@northbridge.example',
        'display_name' => 'María López', 'nickname' => 'María López', 'first_name' => 'María', 'last_name' => 'López',
        'role' => 'author',
    ]);
    if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
    foreach (['classic-harbour', 'no-picture', 'comments-closed'] as $slug) {
        $post = get_page_by_path($slug, OBJECT, 'post');
        if (!$post) { fwrite(STDERR, "no post $slug\n"); exit(1); }
        if ((int) $post->post_author === (int) $id) continue;
        $updated = wp_update_post(['ID' => $post->ID, 'post_author' => $id], true);
        if (is_wp_error($updated)) { fwrite(STDERR, $updated->get_error_message() . "\n"); exit(1); }
    }
}

if (get_page_by_path('gutenberg-showcase', OBJECT, 'post')) { seed_author(); echo "already seeded\n"; exit(0); }
update_option('uploads_use_yearmonth_folders', 0);
update_option('blogname', 'Northbridge Gazette');
update_option('blogdescription', 'A WordPress site for the News Blog tests');
foreach ([1, 2] as $id) { wp_delete_post($id, true); }

function fail($what) { fwrite(STDERR, (is_wp_error($what) ? $what->get_error_message() : $what) . "\n"); exit(1); }
function term($name, $tax) { $t = term_exists($name, $tax); if (!$t) $t = wp_insert_term($name, $tax); return (int) $t['term_id']; }
function picture($file, $name, $alt, $caption) {
    $tmp = wp_tempnam($name); copy($file, $tmp);
    $id = media_handle_sideload(['name' => $name, 'tmp_name' => $tmp], 0, 'Picture');
    if (is_wp_error($id)) fail($id);
    update_post_meta($id, '_wp_attachment_image_alt', $alt);
    wp_update_post(['ID' => $id, 'post_excerpt' => $caption]);
    return $id;
}
function post($fields) {
    $id = wp_insert_post(wp_slash($fields + ['post_status' => 'publish']), true);
    if (is_wp_error($id)) fail($id);
    return $id;
}
$uncategorised = get_cat_ID('Uncategorized');
$news = term('News', 'category'); $world = term('World', 'category'); $tech = term('Tech', 'category');

$hero = picture($argv[1], 'hero.jpg', 'Fighters on a ruined street', 'Militias have besieged the city for months');
$hero_large = wp_get_attachment_image_src($hero, 'large')[0];
$hero_medium = wp_get_attachment_image_src($hero, 'medium');

// Thirty plain posts, one a day, so the feed has several pages at any page size.
for ($i = 1; $i <= 30; $i++) {
    post([
        'post_title' => "Council notes, day $i", 'post_name' => "council-notes-day-$i",
        'post_content' => "<!-- wp:paragraph --><p>The council met on day $i and agreed the minutes.</p><!-- /wp:paragraph -->",
        'post_excerpt' => "What the council agreed on day $i.",
        'post_date' => sprintf('2024-01-%02d 10:00:00', $i), 'post_category' => [$news], 'tags_input' => ['Council'],
    ]);
}

// Gutenberg: headings, inline styles, an image with caption and sizes, quote with cite, lists, an embed.
$gutenberg = <<<HTML
<!-- wp:paragraph -->
<p>US-backed forces have launched their <strong>final assault</strong> on <em>Raqqa</em>, says the <a href="https://example.org/coalition">coalition</a>.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">A hardcore group left behind</h2>
<!-- /wp:heading -->

<!-- wp:image {"id":$hero,"sizeSlug":"large","linkDestination":"none"} -->
<figure class="wp-block-image size-large"><img src="$hero_large" alt="Fighters on a ruined street" class="wp-image-$hero"/><figcaption class="wp-element-caption">Fighters in the old city</figcaption></figure>
<!-- /wp:image -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph -->
<p>We may not always fully agree with our partners at times.</p>
<!-- /wp:paragraph --><cite>Col Ryan Dillon</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:list -->
<ul><!-- wp:list-item -->
<li>The desperate fight for the city</li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>Inside the <a href="/council-notes-day-3/">council</a></li>
<!-- /wp:list-item --></ul>
<!-- /wp:list -->

<!-- wp:list {"ordered":true} -->
<ol><!-- wp:list-item -->
<li>First step</li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>Second step</li>
<!-- /wp:list-item --></ol>
<!-- /wp:list -->

<!-- wp:heading {"level":3} -->
<h3 class="wp-block-heading">What happens next</h3>
<!-- /wp:heading -->

<!-- wp:embed {"url":"https://www.youtube.com/watch?v=M7lc1UVf-VE","type":"video","providerNameSlug":"youtube","responsive":true} -->
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=M7lc1UVf-VE
</div><figcaption class="wp-element-caption">The assault, filmed</figcaption></figure>
<!-- /wp:embed -->

<!-- wp:paragraph -->
<p>The city was the group's de facto capital.</p>
<!-- /wp:paragraph -->
HTML;
$g = post([
    'post_title' => 'Syria war: &#8216;Final assault&#8217; launched', 'post_name' => 'gutenberg-showcase',
    'post_content' => $gutenberg, 'post_excerpt' => 'Forces launch the final assault on the city.',
    'post_date' => '2024-03-01 12:00:00', 'post_category' => [$uncategorised, $world, $news], 'tags_input' => ['Syria', 'Raqqa'],
]);
set_post_thumbnail($g, $hero);
wp_update_post(['ID' => $hero, 'post_parent' => $g]);

// Classic editor: a [caption] shortcode picture and paragraphs by blank lines (wpautop).
list($medium_url, $medium_w, $medium_h) = $hero_medium;
post([
    'post_title' => 'Harbour reopens after storm repairs', 'post_name' => 'classic-harbour',
    'post_content' => "The harbour reopened on Monday.\n\n[caption id=\"attachment_$hero\" align=\"aligncenter\" width=\"$medium_w\"]<img class=\"size-medium wp-image-$hero\" src=\"$medium_url\" alt=\"The harbour wall\" width=\"$medium_w\" height=\"$medium_h\" /> The repaired harbour wall[/caption]\n\nBoats returned by noon.<br />\nThe ferry follows next week.",
    'post_date' => '2024-02-20 09:00:00', 'post_category' => [$news], 'tags_input' => ['Harbour'],
]);

post([
    'post_title' => 'Library trial ends', 'post_name' => 'no-picture',
    'post_content' => '<!-- wp:paragraph --><p>A story without a featured picture.</p><!-- /wp:paragraph -->',
    'post_date' => '2024-02-18 09:00:00', 'post_category' => [$news],
]);
post([
    'post_title' => 'Members only briefing', 'post_name' => 'protected-briefing', 'post_password' => 'secret',
    'post_content' => '<!-- wp:paragraph --><p>Only for those with the password.</p><!-- /wp:paragraph -->',
    'post_date' => '2024-02-17 09:00:00', 'post_category' => [$news],
]);
post([
    'post_title' => 'Comments are closed here', 'post_name' => 'comments-closed', 'comment_status' => 'closed',
    'post_content' => '<!-- wp:paragraph --><p>Readers cannot comment on this story.</p><!-- /wp:paragraph -->',
    'post_date' => '2024-02-16 09:00:00', 'post_category' => [$tech],
]);

// The hostile strings, stored verbatim: each in a title, an excerpt, the content (as markup
// and inside an attribute), a picture's alt text and caption (in the content and on the
// featured picture).
$hostile = json_decode(file_get_contents($argv[2]), true);
if (!is_array($hostile)) fail('hostile strings not readable');
kses_remove_filters();
$featured = picture($argv[1], 'hostile.jpg', $hostile[14]['text'], $hostile[0]['text']);
foreach (array_chunk($hostile, 20) as $n => $chunk) {
    $content = '';
    foreach ($chunk as $k => $entry) {
        $text = $entry['text'];
        $content .= "<p>$text</p>\n<p><a href=\"$text\">link $k</a></p>\n"
            . "<figure class=\"wp-block-image\"><img src=\"$hero_large\" alt=\"$text\"/><figcaption>$text</figcaption></figure>\n";
    }
    $content .= "<p>Hostile post $n ends here.</p>";
    $id = post([
        'post_title' => $chunk[0]['text'] . " hostile $n", 'post_name' => "hostile-$n",
        'post_content' => $content, 'post_excerpt' => $chunk[1]['text'],
        'post_date' => sprintf('2023-12-%02d 08:00:00', $n + 1), 'post_category' => [$tech], 'tags_input' => [$chunk[2]['text']],
    ]);
    set_post_thumbnail($id, $featured);
}
kses_init_filters();
seed_author();
echo "seeded: " . wp_count_posts()->publish . " published posts\n";
