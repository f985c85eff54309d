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


def build_table_page(text: str) -> bytes:
    """An old table-layout page in GB2312: a left column (links and a notice with prose), the title in
    ``<font>``, a byline with 点击/打印本页/关闭窗口, the text as ``<br>``-separated lines in one cell."""
    _, title, body = split_report(text)
    lines = "<br>\n".join("&nbsp;&nbsp;&nbsp;&nbsp;" + _escape(line.strip(), 0) for line in body)
    heading = f"<tr><td align=center class=bt><font size=5 color=#cc0000><b>{html.escape(title)}</b></font></td></tr>" if title else ""
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{html.escape(title)}</title></head>
<body bgcolor=#ffffff><table width=1000 align=center><tr><td><img src=logo.gif></td></tr>
<tr><td class=nav><a href=/>首页</a> | <a>机构概况</a> | <a>政务公开</a> | <a>办事服务</a></td></tr></table>
<table width=1000 align=center><tr><td width=220 valign=top class=left>
<table><tr><td class=lm>通知公告</td></tr><tr><td><a>关于开展2021年度执法人员培训的通知</a></td></tr>
<tr><td>为进一步提高行政执法人员业务水平,定于近期举办培训班,请各单位按时报名。</td></tr></table>
</td><td valign=top>
<table width=100%><tr><td class=dqwz>当前位置:<a>首页</a>&gt;&gt;<a>政务公开</a>&gt;&gt;<a>法治政府</a></td></tr>
{heading}
<tr><td align=center>时间:2021-02-03&nbsp;&nbsp;作者:司法局&nbsp;&nbsp;点击:1234&nbsp;&nbsp;【<a href=javascript:window.print()>打印本页</a>】【<a href=javascript:window.close()>关闭窗口</a>】</td></tr>
<tr><td class=bt_content><font face=宋体 size=3>{lines}</font></td></tr></table>
</td></tr></table>
<table width=1000 align=center><tr><td align=center>版权所有:某某市人民政府 &nbsp;地址:某某市人民路1号 电话:0000-1234567<br>
网站标识码:1234000001 备案号:京ICP备12345678号</td></tr></table></body></html>"""
    return page.encode("gb18030")


def build_div_page(text: str, fields: dict[str, str] | None = None) -> bytes:
    """A modern page in UTF-8: the disclosure list as ``<li><b>键:</b><span>值</span>``, each paragraph a
    ``<div>`` of ``<span>`` fragments cut mid-word, an attachment link, share and related blocks."""
    _, title, body = split_report(text)
    fields = fields if fields is not None else {"索引号": "000014349/2021-00123", "主题分类": "司法",
                                                "发文机关": "市人民政府", "成文日期": "2021年03月01日"}
    items = "".join(f"<li><b>{k}:</b><span>{html.escape(v)}</span></li>" for k, v in fields.items())
    paragraphs = "\n".join(
        '<div class="p" style="text-indent:2em"><span style="font-size:16px">'
        + '</span><span style="font-family:仿宋">'.join(_escape(line.strip()[i : i + 9], 0) for i in range(0, len(line.strip()), 9))
        + "</span></div>"
        for line in body
    )
    heading = f'<div class="detail-title">{html.escape(title)}</div>' if title else ""
    page = f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<link rel="canonical" href="https://www.example.gov.cn/art/2021/3/1/art_1_2.html"></head><body>
<header class="header"><div class="logo">某某市人民政府</div><div class="search"><input placeholder="请输入关键字"><button>搜索</button></div></header>
<nav><a>首页</a><a>政务公开</a></nav>
<div class="crumb"><span>当前位置:</span><a>首页</a> &gt; <a>政务公开</a> &gt; <span>法治政府建设</span></div>
<div class="container"><div class="xxgk-info"><ul>{items}<li><b>标&emsp;&emsp;题:</b><span>{html.escape(title)}</span></li></ul></div>
<div class="detail">{heading}
<div class="detail-content">{paragraphs}
<p class="fj">附件:<a href="/f.pdf">{html.escape(title or "报告")}.pdf</a></p></div>
<div class="share">分享到:<a>微信</a><a>微博</a><a>QQ空间</a></div>
<div class="relevant"><div class="relevant-title">相关链接</div><a>关于2020年法治政府建设情况的报告</a></div></div></div>
<footer><p>主办:某某市人民政府办公室  承办:某某市大数据中心</p><p>网站标识码1234000001 京ICP备12345678号</p></footer>
<script src="/js/jquery.js"></script></body></html>"""
    return page.encode("utf-8")
