#!/usr/bin/env python3
"""Changes the test Ghost's posts (and pages) the way an editor would, through its Admin API (standard
library only), for the tests of rebuilds that fetch only what changed. It touches only posts
whose slug starts with the prefix it is given, so the seeded posts stay as they are.

    posts.py GHOST_URL KEYS_FILE create PREFIX N     N published posts PREFIX-1 … PREFIX-N
    posts.py GHOST_URL KEYS_FILE edit SLUG TITLE     a new title (its updated_at moves on)
    posts.py GHOST_URL KEYS_FILE unpublish SLUG      back to a draft
    posts.py GHOST_URL KEYS_FILE members SLUG        for members only
    posts.py GHOST_URL KEYS_FILE delete SLUG         deleted
    posts.py GHOST_URL KEYS_FILE page PREFIX         a published page (a Ghost page, not a post) PREFIX-page
    posts.py GHOST_URL KEYS_FILE delete-page SLUG    that page deleted
    posts.py GHOST_URL KEYS_FILE remove PREFIX       every post and page whose slug starts with PREFIX-

KEYS_FILE is the one tests/ghost/ghost.sh writes (ADMIN_KEY=id:secret).
"""
import base64
import hashlib
import hmac
import json
import re
import sys
import time
import urllib.error
import urllib.request

base, keys_file, command, *args = sys.argv[1:]
admin = base.rstrip('/') + '/ghost/api/admin'
keys = dict(line.strip().split('=', 1) for line in open(keys_file, encoding='utf-8') if '=' in line)
# id:secret (the id may be written twice, id:id:secret): the first part names the key, the last signs.
key_parts = keys['ADMIN_KEY'].split(':')
key_id, secret = key_parts[0], key_parts[-1]


def token():
    """The Admin API's short-lived JWT, signed with the integration's secret."""
    def part(value):
        return base64.urlsafe_b64encode(json.dumps(value, separators=(',', ':')).encode()).rstrip(b'=')
    now = int(time.time())
    signed = part({'alg': 'HS256', 'typ': 'JWT', 'kid': key_id}) + b'.' + part({'iat': now, 'exp': now + 300, 'aud': '/admin/'})
    signature = hmac.new(bytes.fromhex(secret), signed, hashlib.sha256).digest()
    return (signed + b'.' + base64.urlsafe_b64encode(signature).rstrip(b'=')).decode()


def call(method, path, body=None):
    headers = {'Authorization': 'Ghost ' + token(), 'Accept-Version': 'v5.0'}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers['Content-Type'] = 'application/json'
    request = urllib.request.Request(admin + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request) as answer:
            text = answer.read().decode()
            return json.loads(text) if text.strip() else None
    except urllib.error.HTTPError as error:
        raise SystemExit(f'{method} {path}: {error.code} {error.read().decode()[:600]}')


def own(prefix):
    if not re.fullmatch(r'[a-z0-9]+(-[a-z0-9]+)*', prefix):
        raise SystemExit(f'prefix {prefix} is not a slug')
    return prefix


def post_of(slug):
    return call('GET', f'/posts/slug/{slug}/?formats=lexical')['posts'][0]


def change(slug, **fields):
    post = post_of(slug)
    call('PUT', f"/posts/{post['id']}/", {'posts': [{'updated_at': post['updated_at'], **fields}]})


if command == 'create':
    prefix, n = own(args[0]), int(args[1])
    for i in range(1, n + 1):
        published = time.strftime('%Y-%m-%dT%H:%M:%S.000Z', time.gmtime(time.time() - 86400 - 3600 * (n - i)))
        paragraph = f'<p>The council met and agreed the minutes of story {i}.</p>'
        call('POST', '/posts/?source=html', {'posts': [{
            'title': f'Measured story {i}', 'slug': f'{prefix}-{i}', 'status': 'published',
            'published_at': published, 'html': paragraph * 12, 'custom_excerpt': f'What happened in story {i}.',
        }]})
    print(f'created {n} posts')
elif command == 'edit':
    change(args[0], title=args[1])
elif command == 'unpublish':
    change(args[0], status='draft')
elif command == 'members':
    change(args[0], visibility='members')
elif command == 'delete':
    call('DELETE', f"/posts/{post_of(args[0])['id']}/")
elif command == 'page':
    call('POST', '/pages/?source=html', {'pages': [{
        'title': 'Measured page', 'slug': f'{own(args[0])}-page', 'status': 'published',
        'html': '<p>How the measured stories are told.</p>',
    }]})
elif command == 'delete-page':
    call('DELETE', f"/pages/{call('GET', f'/pages/slug/{args[0]}/')['pages'][0]['id']}/")
elif command == 'remove':
    prefix = own(args[0])
    n_removed = 0
    for kind in ['posts', 'pages']:
        found = call('GET', f'/{kind}/?limit=all&fields=id,slug')[kind]
        mine = [item for item in found if item['slug'].startswith(prefix + '-')]
        for item in mine:
            call('DELETE', f"/{kind}/{item['id']}/")
        n_removed += len(mine)
    print(f'removed {n_removed} posts and pages')
else:
    raise SystemExit(__doc__)
