import re, os
seed = open('../shared/seed/000_f30505b59b757d21.txt', encoding='utf-8').read().split('\n')
L = lambda n: seed[n-1]
post_dir = 'content/posts/le-smo-le-nouveau-community-management'
os.makedirs(post_dir + '/comments', exist_ok=True)
body = []
headings = {9, 17, 31, 38}
for n in range(3, 51):
    line = L(n)
    if n in headings: line = '## ' + line
    elif n in (35, 36): line = '- ' + line.strip().lstrip('•').strip()
    elif n == 40: line = line.strip()
    body.append(line)
text = '\n'.join(body)
def sub(pattern, new):
    global text
    text, count = re.subn(pattern, new, text)
    assert count == 1, pattern
S = '[ \u00a0]'
sub(r'DELLhttp://twitter\.com/delloutlet', '[DELL](http://twitter.com/delloutlet)')
sub(r'best buy' + S + r'http://twitter\.com/BESTBUY', '[best buy](http://twitter.com/BESTBUY)')
sub(r'cet article très intéressant' + S + r':(http://electronlibre\.info/\+Facebook-passe-les-500-millions-de,03257\+)\)',
    r'cet article très intéressant : <\1>)')
sub(r'www\.nouslesgeeks\.fr' + '(' + S + ')!', r'[www.nouslesgeeks.fr](http://www.nouslesgeeks.fr)\1!')
sub(r'www\.twitter\.com/davschuster', '[www.twitter.com/davschuster](http://www.twitter.com/davschuster)')
text = re.sub(r'\n{3,}', '\n\n', text)
front = '''---
title: "Le SMO, le nouveau Community Management ?"
date: 2010-07-21T10:12:00+02:00
author: David Schuster
description: "Community management, SMO, SEO, SEM : ce que le Social Media Optimization apporte à la stratégie de référencement d’une marque, et d’une personne."
tags: [SMO, community management, référencement, réseaux sociaux]
---
'''
open(post_dir + '/index.md', 'w', encoding='utf-8').write(front + '\n' + text.strip() + '\n')
ANON = 'Anonyme'
comments = [
  ('1', 54, 62, 'Hélène', '2010-07-21T18:47:00+02:00', None),
  ('2', 64, 66, 'Yannig', '2010-07-22T09:15:00+02:00', None),
  ('3', 68, 69, ANON, '2010-07-22T11:04:00+02:00', '2'),
  ('4', 71, 73, 'David Schuster', '2010-07-22T13:20:00+02:00', None),
  ('5', 75, 80, ANON, '2010-07-23T10:05:00+02:00', None),
  ('6', 82, 93, 'Greg', '2010-07-23T14:32:00+02:00', '5'),
  ('7', 95, 109, 'Hélène', '2010-07-23T18:10:00+02:00', '6'),
  ('8', 111, 122, 'Greg', '2010-07-24T10:41:00+02:00', '7'),
  ('9', 124, 126, 'Hélène', '2010-07-24T15:26:00+02:00', '8'),
  ('10', 128, 129, 'David Schuster', '2010-07-24T17:53:00+02:00', '8'),
  ('11', 131, 136, ANON, '2010-07-26T11:12:00+02:00', None),
]
for cid, a, b, author, date, parent in comments:
    lines = [L(n) for n in range(a, b + 1)]
    m = re.match(r'^( *)\d+\. ', lines[0])
    out = [lines[0][len(m.group(0)):]]
    indent = len(m.group(1)) + 2
    for line in lines[1:]:
        assert line == '' or line.startswith(' ' * indent), (cid, line)
        out.append(line[indent:])
    fm = ['---', f'author: {author}', f'date: {date}']
    if parent: fm.append(f'parent: "{parent}"')
    fm.append('---')
    open(f'{post_dir}/comments/{cid}.md', 'w', encoding='utf-8').write('\n'.join(fm) + '\n' + '\n'.join(out).rstrip() + '\n')
