"""Build saved government web pages from a bundled plain-text report, in the test run.

The page has what such pages have around a report: a date bar (今天是…), site links, navigation, a
breadcrumb (您所在的位置), the information-disclosure table (索引号, 主题分类, 发布机构 …), the title
heading, a byline with font-size/print/close links, the text in ``<div id="zoom">`` (indented
paragraphs, source lines wrapped inside sentences, named entities), a share bar, a related-article
list, a footer (主办单位, 网站标识码, ICP备) and scripts. A CMS list at the top of the text
(``- 索 引 号:…``) becomes the disclosure table.
"""

from __future__ import annotations

import html
import re

_HEADER_LINE = re.compile(r"^-\s*([^:]{1,10}):(.*)$")
_ENTITIES = {"“": "&ldquo;", "”": "&rdquo;", "—": "&mdash;", "…": "&hellip;", "·": "&middot;"}

DEFAULT_FIELDS = {
    "索引号": "11120118MB1234567X/2021-00042",
    "主题分类": "政务公开",
    "发布机构": "静海区人民政府办公室",
    "成文日期": "2021年03月29日",
    "文号": "无",
    "发布日期": "2021年03月29日",
    "效力状态": "有效",
}


def split_report(text: str) -> tuple[dict[str, str], str, list[str]]:
    """(CMS fields at the top, title line or "", body lines) of a plain-text report."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    fields: dict[str, str] = {}
    while lines and (m := _HEADER_LINE.match(lines[0].strip())):
        fields[re.sub(r"\s+", "", m.group(1))] = m.group(2).strip()
        lines.pop(0)
    first = lines[0].strip()
    if len(first) <= 60 and "。" not in first and "," not in first:  # a title line
        return fields, first, lines[1:]
    return fields, "", lines


def _escape(s: str, wrap: int) -> str:
    """HTML text with named entities and, every ``wrap`` characters, a source line break."""
    out = html.escape(s, quote=False)
    for ch, ent in _ENTITIES.items():
        out = out.replace(ch, ent)
    if wrap:
        parts, count, cur = [], 0, ""  # break after ``wrap`` characters, never inside a number
        for token in re.findall(r"&\w+;|.", out, re.S):
            cur += token
            count += 1
            if count >= wrap and "\u4e00" <= token <= "\u9fff":  # after a Chinese character, as CMS editors wrap
                parts.append(cur)
                cur, count = "", 0
        out = "\n            ".join(parts + [cur])
    return out


def build_page(
    text: str,
    *,
    charset: str = "utf-8",
    declared: str | None = None,
    fields: dict[str, str] | None = None,
    url: str = "http://www.tjjh.gov.cn/jhqzf/zwgk/gzbg/202103/t20210329_5396867.html",
    title_inside: bool = False,
    wrap: int = 37,
) -> bytes:
    """A saved government page holding ``text``, encoded in ``charset``, declaring ``declared`` (default:
    ``charset``). ``fields`` fill the disclosure table (default: the text's own CMS list or
    :data:`DEFAULT_FIELDS`); ``title_inside`` puts the title inside the content block."""
    own, title, body = split_report(text)
    fields = fields if fields is not None else (own or DEFAULT_FIELDS)
    cells = list(fields.items())
    rows = []
    for i in range(0, len(cells), 2):
        row = "".join(
            f'<td class="t1">{" ".join(k) if len(k) == 3 else k}:</td><td class="t2">{html.escape(v)}</td>'
            for k, v in cells[i : i + 2]
        )
        rows.append(f"      <tr>{row}</tr>")
    paragraphs = "\n".join(
        f'          <p style="text-indent:2em;">&nbsp;&nbsp;{_escape(line.strip(), wrap)}</p>' for line in body
    )
    heading = f'<p style="text-align:center;"><strong>{_escape(title, 0)}</strong></p>\n' if title_inside and title else ""
    h1 = f'<h1 class="title">{html.escape(title)}</h1>' if title and not title_inside else ""
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<!-- saved from url=(0071){url} -->
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
  <meta http-equiv="Content-Type" content="text/html; charset={declared or charset}" />
  <title>{html.escape(title or "工作报告")}_静海区人民政府</title>
  <meta name="ArticleTitle" content="{html.escape(title or "工作报告")}" />
  <meta property="og:url" content="{url}" />
  <link rel="canonical" href="{url}" />
  <link rel="stylesheet" href="/css/style.css" />
  <style>.zoom p {{ line-height: 2em; }} body {{ font-family: "宋体"; }}</style>
  <script type="text/javascript">var _hmt = _hmt || []; document.write("今天是" + new Date());</script>
</head>
<body>
<div class="top">
  <div class="top_l">今天是2021年3月29日 星期一</div>
  <div class="top_r"><a href="/">首页</a> | <a href="/wza">无障碍</a> | <a href="#">简体</a> | <a href="#">繁體</a> | <a href="#">English</a></div>
</div>
<div class="nav"><ul>
  <li><a href="/">网站首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/zwfw">政务服务</a></li>
  <li><a href="/hdjl">互动交流</a></li><li><a href="/zjjh">走进静海</a></li>
</ul></div>
<div class="position">您所在的位置:<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/gzbg">工作报告</a></div>
<div class="main">
  <div class="xxgk_table">
    <table width="100%" border="0" cellspacing="0">
{chr(10).join(rows)}
    </table>
  </div>
  <div class="article">
    {h1}
    <div class="info"><span>发布时间:2021-03-29 10:12</span><span>来源:静海区司法局</span>
      <span class="zihao">字号:[<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>]</span>
      <a href="javascript:window.print()">打印</a> <a href="javascript:window.close()">关闭</a></div>
    <div id="zoom" class="TRS_Editor">
      <div class="view TRS_UEDITOR">
{heading}{paragraphs}
      </div>
    </div>
    <div class="bdsharebuttonbox">分享到:<a class="bds_weixin">微信</a><a class="bds_tsina">微博</a></div>
    <div class="xgyd"><h3>相关阅读</h3><ul>
      <li><a href="/a/1.html">静海区2019年法治政府建设情况报告</a><span>2020-03-30</span></li>
      <li><a href="/a/2.html">关于印发静海区2021年依法行政工作要点的通知</a><span>2021-03-01</span></li>
    </ul></div>
  </div>
</div>
<div class="footer">
  <p>主办单位:天津市静海区人民政府办公室 &nbsp; 承办单位:静海区政务服务办</p>
  <p>网站标识码:1200000026 &nbsp; <a href="https://beian.miit.gov.cn">津ICP备05004351号-1</a> &nbsp; 津公网安备 12022302000123号</p>
  <p>版权所有 &copy; 天津市静海区人民政府 &nbsp; 建议使用1280×1024分辨率浏览本网站</p>
</div>
<script>(function(){{ var bp = document.createElement('script'); }})();</script>
</body>
</html>
"""
    return page.encode(charset)
