#!/usr/bin/env python3
"""Sets up a fresh Ghost 5 and seeds it, unattended, with the standard library only.

    seed.py GHOST_URL KEYS_FILE HOSTILE_STRINGS_JSON

What it writes is what Ghost's editor writes: posts in Lexical (Koenig's format) with the cards
its editor inserts (image with caption, gallery, bookmark, YouTube and X embeds, callout,
toggle, button, header, product, audio, video, file, HTML), pictures, audio, video and a file
uploaded through the Admin API, a members-only post, a paid post with a free preview before its
members-only marker (the paywall card), an internal `#tag`, a post by two staff users, a post
edited after it was published, a post with the SEO fields an editor fills (meta title and
description, X and Facebook cards, canonical URL), more posts than one page of the app (25) or the import (50)
asks for, the site's own About page (a Ghost page, in place of the one a fresh Ghost has), and the project's hostile strings in every field an editor fills (title, excerpt,
tag, picture alt text and captions, paragraph text, link addresses, an HTML card).

1. POST /ghost/api/admin/authentication/setup/   the owner (Ghost refuses passwords that contain
   the site's title or address);
2. POST /ghost/api/admin/session/                a session cookie (needs an Origin header), used
   for every later Admin API call;
3. POST /ghost/api/admin/integrations/?include=api_keys   a custom integration: its Content API
   key (public by design) and Admin API key;
4. a second staff user through an invitation: Ghost mails its token, and there is no mail here,
   so the token is read from Ghost's own database and the invitation accepted as the invitee
   would (POST /ghost/api/admin/authentication/invitation/);
5. uploads, then posts (POST /ghost/api/admin/posts/).
Writes CONTENT_KEY=… and ADMIN_KEY=… to KEYS_FILE.
"""
import html
import http.cookiejar
import json
import os
import sqlite3
import struct
import sys
import time
import urllib.error
import urllib.request
import uuid
import wave
import zlib

base = sys.argv[1].rstrip('/')
keys_file = sys.argv[2]
hostile = [entry['text'] for entry in json.load(open(sys.argv[3], encoding='utf-8'))]
admin = base + '/ghost/api/admin'
database = os.path.join(os.path.dirname(os.path.abspath(keys_file)), 'content', 'data', 'ghost.db')
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def call(method, url, body=None, data=None, content_type='application/json'):
    headers = {'Origin': base, 'Accept-Version': 'v5.0'}
    if body is not None:
        data = json.dumps(body).encode()
    if data is not None:
        headers['Content-Type'] = content_type
    try:
        with opener.open(urllib.request.Request(url, data=data, headers=headers, method=method)) as answer:
            text = answer.read().decode()
            return json.loads(text) if text.strip().startswith(('{', '[')) else text
    except urllib.error.HTTPError as error:
        raise SystemExit(f'{method} {url}: {error.code} {error.read().decode()[:600]}')


# --- owner, session, integration, settings -------------------------------------------------

owner = {'name': 'Ana Ruiz', 'email': 'ana@example.com', 'password': 'Vx7-quartz-Lamp-ocean-91'}
if not call('GET', admin + '/authentication/setup/')['setup'][0]['status']:
    call('POST', admin + '/authentication/setup/', {'setup': [{**owner, 'blogTitle': 'Harbour Ghost'}]})
call('POST', admin + '/session/', {'username': owner['email'], 'password': owner['password']})
integration = call('POST', admin + '/integrations/?include=api_keys', {'integrations': [{'name': 'News Blog tests'}]})
api_keys = {key['type']: key for key in integration['integrations'][0]['api_keys']}
content_key = api_keys['content']['secret']
admin_key = api_keys['admin']['id'] + ':' + api_keys['admin']['secret']
call('PUT', admin + '/settings/', {'settings': [
    {'key': 'description', 'value': 'A real Ghost for the News Blog tests'},
]})

# --- a second staff user, by invitation ----------------------------------------------------

bo = {'name': 'Bo Chen', 'email': 'bo@example.com', 'password': 'Tq4-marble-Fern-river-27'}
roles = call('GET', admin + '/roles/?permissions=assign')['roles']
author_role = next(role['id'] for role in roles if role['name'] == 'Author')
call('POST', admin + '/invites/', {'invites': [{'email': bo['email'], 'role_id': author_role}]})
with sqlite3.connect(database) as db:
    (token,) = db.execute('SELECT token FROM invites WHERE email = ?', (bo['email'],)).fetchone()
# Ghost's own URL-safe spelling of the token (@tryghost/security url.encodeBase64).
token = token.replace('+', '-').replace('/', '_').rstrip('=')
call('POST', admin + '/authentication/invitation/', {'invitation': [{'token': token, **bo}]})
users = {user['email']: user['id'] for user in call('GET', admin + '/users/?limit=all')['users']}

# A fresh Ghost has a "Coming soon" post; a publisher deletes it.
for post in call('GET', admin + "/posts/?filter=slug:coming-soon&limit=all")['posts']:
    call('DELETE', admin + f"/posts/{post['id']}/")


# --- uploads -------------------------------------------------------------------------------

def png(width, height, top, bottom):
    """A vertical gradient between two colours, as a PNG."""
    rows = []
    for y in range(height):
        mix = y / max(1, height - 1)
        pixel = bytes(round(a + (b - a) * mix) for a, b in zip(top, bottom))
        rows.append(b'\0' + pixel * width)

    def chunk(kind, payload):
        return struct.pack('>I', len(payload)) + kind + payload + struct.pack('>I', zlib.crc32(kind + payload))

    header = struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(b''.join(rows), 6)) + chunk(b'IEND', b'')


def wav():
    path = os.path.join(os.path.dirname(os.path.abspath(keys_file)), 'chime.wav')
    with wave.open(path, 'wb') as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(8000)
        out.writeframes(bytes(128 + (40 if (n // 10) % 2 else -40) for n in range(8000)))
    with open(path, 'rb') as written:
        return written.read()


def upload(kind, filename, data, content_type, fields=None):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in (fields or {}).items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        f'Content-Type: {content_type}\r\n\r\n'.encode() + data + b'\r\n'
    )
    parts.append(f'--{boundary}--\r\n'.encode())
    answer = call('POST', f'{admin}/{kind}/upload/', data=b''.join(parts),
                  content_type=f'multipart/form-data; boundary={boundary}')
    return answer[kind][0]['url']


def picture(name, top, bottom, width=1600, height=1000):
    return upload('images', name, png(width, height, top, bottom), 'image/png', {'purpose': 'image', 'ref': name})


market = picture('market.png', (30, 58, 138), (245, 158, 11))
stalls = picture('stalls.png', (120, 20, 60), (250, 220, 120))
lanterns = picture('lanterns.png', (10, 60, 40), (200, 240, 200), 1000, 1500)
ferry = picture('ferry.png', (10, 40, 90), (180, 210, 240))
poster = picture('poster.png', (60, 60, 60), (220, 220, 220), 1280, 720)
chime = upload('media', 'chime.wav', wav(), 'audio/wav')
# A few bytes named .mp4 (no encoder here): Ghost checks the name and type, not the frames.
clip = upload('media', 'harbour.mp4', b'\0\0\0\x18ftypmp42\0\0\0\0mp42isom', 'video/mp4')
timetable_pdf = upload('files', 'timetable.pdf', b'%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'application/pdf')


# --- Lexical, as Koenig writes it -----------------------------------------------------------

def text(words, format=0):
    return {'detail': 0, 'format': format, 'mode': 'normal', 'style': '', 'text': words, 'type': 'extended-text', 'version': 1}


def element(kind, children, **extra):
    return {'children': children, 'direction': 'ltr', 'format': '', 'indent': 0, 'type': kind, 'version': 1, **extra}


def para(*children):
    return element('paragraph', [text(c) if isinstance(c, str) else c for c in children])


def heading(words, tag='h2'):
    return element('extended-heading', [text(words)], tag=tag)


def link(words, url):
    return element('link', [text(words)], rel='noreferrer', target=None, title=None, url=url)


def bullets(*items):
    return element('list', [element('listitem', [text(item)], value=n + 1) for n, item in enumerate(items)],
                   listType='bullet', start=1, tag='ul')


def quote(words):
    return element('extended-quote', [text(words)])


def card(kind, **props):
    return {'type': kind, 'version': 1, **props}


def lexical(*children):
    return json.dumps({'root': element('root', list(children))})


def youtube(title, video):
    return card('embed', url=f'https://www.youtube.com/watch?v={video}', embedType='video', caption='',
                html=f'<iframe width="200" height="113" src="https://www.youtube.com/embed/{video}?feature=oembed" frameborder="0" '
                     'allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" '
                     f'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen title="{html.escape(title)}"></iframe>',
                metadata={'title': title, 'author_name': 'Harbour Council', 'provider_name': 'YouTube',
                          'provider_url': 'https://www.youtube.com/', 'type': 'video', 'version': '1.0',
                          'thumbnail_url': f'https://i.ytimg.com/vi/{video}/hqdefault.jpg',
                          'thumbnail_width': 480, 'thumbnail_height': 360, 'width': 200, 'height': 113})


def tweet(handle, status, words):
    url = f'https://twitter.com/{handle}/status/{status}'
    return card('embed', url=f'https://x.com/{handle}/status/{status}', embedType='twitter',
                caption='The council\u2019s announcement',
                html=f'<blockquote class="twitter-tweet"><p lang="en" dir="ltr">{html.escape(words)}</p>&mdash; Harbour Council '
                     f'(@{handle}) <a href="{url}?ref_src=twsrc%5Etfw">May 2, 2024</a></blockquote>\n'
                     '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n',
                metadata={'url': url, 'author_name': 'Harbour Council', 'author_url': f'https://twitter.com/{handle}',
                          'provider_name': 'Twitter', 'provider_url': 'https://twitter.com', 'type': 'rich', 'version': '1.0'})


# Ghost keeps publication times to the second and orders posts published in the same second
# as it likes: each post here is given a second of its own, counted on from a day ago (in the
# past, so Ghost publishes it rather than scheduling it), in the order they are written.
publication_seconds = iter(range(int(time.time()) - 86_400, int(time.time())))


def post(title, slug, children, **fields):
    fields.setdefault('published_at', time.strftime('%Y-%m-%dT%H:%M:%S.000Z', time.gmtime(next(publication_seconds))))
    body = {'title': title, 'slug': slug, 'status': 'published', 'lexical': lexical(*children), **fields}
    return call('POST', admin + '/posts/', {'posts': [body]})['posts'][0]


# --- the posts, oldest first (Ghost lists the newest first) ---------------------------------

n_posts = 0

# Edited after it was published: published on a past day, corrected now.
bridge = post('Bridge closes on Tuesday for repairs', 'bridge-closure', [
    para('The swing bridge closes on Tuesday at 07:00 for two days.'),
], tags=[{'name': 'Transport'}], published_at='2025-11-20T09:00:00.000Z')
call('PUT', admin + f"/posts/{bridge['id']}/", {'posts': [{
    'updated_at': bridge['updated_at'],
    'title': 'Bridge closes on Wednesday for repairs',
    'custom_excerpt': 'Corrected: the closure starts a day later than first announced.',
    'lexical': lexical(
        para('The swing bridge closes on Wednesday at 07:00 for two days.'),
        para(text('Correction: ', 1), 'an earlier version of this story gave Tuesday.'),
    ),
}]})
n_posts += 1

# More than one page for the app (25) and for the import (50).
for day in range(1, 46):
    post(f'Harbour notes, day {day}', f'harbour-notes-{day}', [
        para(f'Day {day} at the harbour: tides, arrivals and the weather.'),
        bullets(f'High tide {6 + day % 6}:{day % 60:02d}', f'{day % 7 + 2} arrivals'),
    ], tags=[{'name': 'Harbour'}])
    n_posts += 1

# The hostile strings, in every field an editor fills. The editor escapes what is typed into
# text and captions (captions are stored as HTML), stores link addresses as typed, and keeps
# an HTML card's markup as it is.
for n in range(0, len(hostile), 20):
    chunk = hostile[n:n + 20]
    number = n // 20
    children = []
    for k, words in enumerate(chunk):
        children += [
            para(words),
            para(link(f'link {k}', words)),
            card('image', src=stalls, width=1600, height=1000, alt=words[:191], caption=html.escape(words), title='', cardWidth='regular', href=''),
        ]
    children.append(card('html', html='\n'.join(chunk)))
    children.append(para(f'Hostile post {number} ends here.'))
    post(f'{chunk[0]} hostile {number}', f'hostile-{number}', children,
         custom_excerpt=chunk[1][:300], tags=[{'name': chunk[2][:185].lstrip('#') or 'hostile'}, {'name': 'Hostile'}],
         feature_image=market, feature_image_alt=chunk[3][:191], feature_image_caption=html.escape(chunk[4]))
    n_posts += 1

post('Ferry timetable changes for winter', 'ferry-timetable-winter', [
    para('From Monday the ferry runs every forty minutes.'),
    heading('What changes'),
    bullets('First sailing 06:40', 'Last sailing 22:10'),
    card('bookmark', url='https://ferries.example/timetable', caption='',
         metadata={'title': 'Full timetable', 'description': 'Every sailing, every day.', 'author': '',
                   'publisher': 'Harbour Ferries', 'icon': '', 'thumbnail': ''}),
    card('file', src=timetable_pdf, fileTitle='Winter timetable', fileCaption='Printable, one page', fileName='timetable.pdf', fileSize=52),
], tags=[{'name': 'Transport'}], feature_image=ferry, feature_image_alt='The ferry at the quay',
   # The SEO fields Ghost's editor keeps under "Meta data", "X card" and "Facebook card".
   meta_title='Winter ferry timetable | Harbour Ghost', meta_description='Every sailing from Monday, every forty minutes.',
   og_title='The ferry’s winter timetable', og_description='Forty minutes between sailings from Monday.', og_image=ferry,
   twitter_title='Winter ferries', twitter_description='A sailing every forty minutes.', twitter_image=poster,
   canonical_url='https://ferries.example/news/winter-timetable')
n_posts += 1

post('Every card the editor has', 'editor-cards', [
    para('A story that uses each of the editor\u2019s cards.'),
    card('callout', calloutText='<p><span style="white-space: pre-wrap;">Roads near the quay close at six.</span></p>', calloutEmoji='\u26a0\ufe0f', backgroundColor='yellow'),
    # A toggle's <h4> before any <h2>: the body's first heading.
    card('toggle', heading='<span style="white-space: pre-wrap;">Where do I park?</span>', content='<p><span style="white-space: pre-wrap;">In the long-stay car park on Mill Lane.</span></p>'),
    card('button', buttonText='Read the council notice', alignment='center', buttonUrl='https://council.example/notice'),
    card('header', version=2, size='small', style='dark', buttonEnabled=True, buttonUrl='https://council.example/festival', buttonText='Festival programme',
         header='<span style="white-space: pre-wrap;">Harbour festival</span>', subheader='<span style="white-space: pre-wrap;">Three days of boats and music</span>',
         backgroundImageSrc='', accentColor='#FF1A75', alignment='center', backgroundColor='#000000', backgroundImageWidth=None, backgroundImageHeight=None,
         backgroundSize='cover', textColor='#FFFFFF', buttonColor='#ffffff', buttonTextColor='#000000', layout='full', swapped=False),
    card('product', productImageSrc=lanterns, productImageWidth=1000, productImageHeight=1500,
         productTitle='<span style="white-space: pre-wrap;">Paper lantern kit</span>', productDescription='<p><span style="white-space: pre-wrap;">Makes twelve lanterns.</span></p>',
         productRatingEnabled=True, productStarRating=4, productButtonEnabled=True, productButton='Buy the kit', productUrl='https://shop.example/lanterns'),
    card('audio', src=chime, title='The harbour chime', duration=1, mimeType='audio/wav', thumbnailSrc=''),
    card('video', src=clip, caption='<span style="white-space: pre-wrap;">Boats leaving at dawn</span>', fileName='harbour.mp4', mimeType='video/mp4',
         width=1280, height=720, duration=12, thumbnailSrc=poster, customThumbnailSrc='', thumbnailWidth=1280, thumbnailHeight=720, cardWidth='regular', loop=False),
    quote('We built the quay to last a hundred years.'),
    heading('Also in this story', 'h3'),
    card('horizontalrule'),
    para('The end of the cards.'),
], tags=[{'name': 'Culture'}], custom_excerpt='Callout, toggle, button, header, product, audio, video.')
n_posts += 1

# Members only: Ghost sends an anonymous reader no text at all.
post('Members briefing', 'members-briefing', [
    para('Only members read this briefing.'),
], visibility='members', tags=[{'name': 'Business'}])
n_posts += 1

# Paid, with a free preview before the members-only marker (the paywall card).
post('Inside the harbour budget', 'harbour-budget', [
    para('The free preview: the harbour budget grows by four per cent.'),
    card('paywall'),
    para('For paying members: every line of the budget.'),
], visibility='paid', tags=[{'name': 'Business'}])
n_posts += 1

# Written by two staff users, with an internal #tag, and the picture and embed cards.
post('Night market returns to the square', 'night-market-returns', [
    para('The night market is back.'),
    card('image', src=stalls, width=1600, height=1000, title='', alt='Stalls under lights',
         caption='<span style="white-space: pre-wrap;">Stalls under </span><b><strong style="white-space: pre-wrap;">lights</strong></b>',
         cardWidth='regular', href=''),
    card('gallery', caption='<span style="white-space: pre-wrap;">Three nights, three markets</span>', images=[
        {'row': 0, 'src': market, 'width': 1600, 'height': 1000, 'fileName': 'market.png', 'alt': 'The first night', 'caption': '', 'title': ''},
        {'row': 0, 'src': stalls, 'width': 1600, 'height': 1000, 'fileName': 'stalls.png', 'alt': 'The second night', 'caption': '', 'title': ''},
        {'row': 0, 'src': lanterns, 'width': 1000, 'height': 1500, 'fileName': 'lanterns.png', 'alt': 'The third night', 'caption': '', 'title': ''},
    ]),
    youtube('Market tour', 'M7lc1UVf-VE'),
    tweet('harbourcouncil', '1790000000000000000', 'The night market opens at six. Come hungry.'),
    para('Open ', text('every', 2), ' Friday.'),
], tags=[{'name': 'Business'}, {'name': '#featured'}, {'name': 'Food'}],
   authors=[{'id': users[owner['email']]}, {'id': users[bo['email']]}],
   feature_image=market, feature_image_alt='The market at dusk',
   feature_image_caption='Photo by <a href="https://photos.example/ana">Ana</a>')
n_posts += 1

# --- the site's own pages ------------------------------------------------------------------

# A fresh Ghost has an About page from its fixtures (in the older mobiledoc format); a
# publisher writes their own in the editor. Pages are not posts: no count of posts changes.
for page in call('GET', admin + "/pages/?filter=slug:about&limit=all")['pages']:
    call('DELETE', admin + f"/pages/{page['id']}/")
call('POST', admin + '/pages/', {'pages': [{
    'title': 'About Harbour Ghost', 'slug': 'about', 'status': 'published',
    'custom_excerpt': 'Who writes the harbour news, and how to reach us.',
    'lexical': lexical(
        para('Harbour Ghost reports on the ', text('harbour', 1), ', its ferries and its markets.'),
        heading('Corrections'),
        para('When we get something wrong we say so at the end of the story. Write to ',
             link('the corrections desk', 'mailto:corrections@harbour.example'), '.'),
        bullets('Founded in 1921', 'Published every day'),
    ),
}]})

with open(keys_file, 'w') as out:
    out.write(f'CONTENT_KEY={content_key}\nADMIN_KEY={admin_key}\n')
print(f'seeded {n_posts} posts; Content API: {base}/ghost/api/content/posts/?key={content_key}')
