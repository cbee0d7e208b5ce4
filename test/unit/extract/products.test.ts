// Products and replacements (utils/extract/products.ts, issue 19 item 1): the forms announcements
// use to name what retires and what replaces it, each written here as a merchant would meet it
// (these sentences are no corpus text: the corpus test scores those), and what the finder must
// not take: notices that retire nothing, and input built to make a pattern take its time.
import { describe, expect, it } from 'vitest';
import { extractAnnouncement } from '../../../utils/extract/extract.ts';

function names(text: string) {
  const result = extractAnnouncement(text, '2026-02-10');
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('the forms a notice names what retires and what replaces it in', () => {
  it.each([
    // quoted names 「」“”《》, the subject of the retirement verb, 对…进行下线
    ['平台将于2026年3月1日下线「旧版报表」。', ['旧版报表'], []],
    ['平台将于2026年3月1日下线《店铺装修工具》。', ['店铺装修工具'], []],
    ['旧版报表工具将于2026年3月1日正式停用。', ['旧版报表工具'], []],
    ['平台将于2026年3月1日对旧版报表工具进行下线处理。', ['旧版报表工具'], []],
    ['即日起,平台停止销售“全站推”套餐。', ['全站推'], []],
    ['我们将于2026年3月1日起停止对旧版插件的支持。', ['旧版插件'], []],
    // list items, identifiers one a line, table columns
    [
      '自2026年3月1日起,平台将对以下接口进行下线:\n- alibaba.item.get\n- alibaba.item.update',
      ['alibaba.item.get', 'alibaba.item.update'],
      [],
    ],
    ['以下字段将于2026年3月1日停止返回:\nold_price\nold_stock', ['old_price', 'old_stock'], []],
    // a table copied without its bars, its first column merged over rows: the groups retire
    [
      '以下涉及的接口权限如下:\n权限\n接口名称\nScope\n商品数据\n获取商品列表\nitem.list\n获取商品详情\nitem.get\n订单数据\n获取订单\norder.get\n调整内容:\n平台将于2026年3月1日起停止上述权限的申请。',
      ['商品数据', '订单数据'],
      [],
    ],
    // 上述版本 names the list, not what the sentence before it retires
    [
      '已中止版本:\n- v1.0\n- v2.0\n所有旧版 SDK 现皆已淘汰。上述版本已于2024年10月15日停止支持。',
      ['v1.0', 'v2.0'],
      [],
    ],
    // who decides is no part of it (我們已決定…是 X 退役的日子); 过期 retires too
    ['我们已决定 2026 年 3 月 1 日是 Python 2 退役的日子。', ['Python 2'], []],
    ['新版口令已上线,旧版口令3月1日过期。', ['旧版口令'], ['新版口令']],
    // items that label a date under a line of their own name that line; a link's words name nothing
    [
      '已弃用的产品文档\nAndroid SDK v4\n- 最后版本: 4.20\n- 停服日期: 2026-09-01\n- 升级至: Android SDK v5\niOS SDK v4\n- 停服日期: 2026-09-01\n- 升级至: 查看文档详情',
      ['Android SDK v4', 'iOS SDK v4'],
      ['Android SDK v5'],
    ],
    // …but a section's heading names the schedule
    [
      '一、涉及下线接口\n● 甲接口\n● 乙接口\n二、服务调整时间节点\n● 产品停止新购:2026 年 9 月 1 日',
      ['甲接口', '乙接口'],
      [],
    ],
    // a day whose action is only the notice's main one names nothing, nor lends the sentence before it
    ['旧版报表即将下线。客服热线同步关闭。平台将于2026年3月1日进行升级。', ['旧版报表'], []],
    // what a closure stops on the way is part of the product named beside it
    [
      '《甲游戏》将于2026年4月1日停止运营。2026年3月1日起关闭游戏充值。2026年4月1日起游戏服务器关闭。',
      ['甲游戏'],
      [],
    ],
    // 不在维护 (a page's typo of 不再维护) ends it; 使用 after the replacement is no part of it
    ['注意:地图 JS API 1.4不在维护,建议升级为JS API 2.0使用', ['地图 JS API 1.4'], ['JS API 2.0']],
    // Markdown's code marks are no part of a name
    [
      '2026年3月1日起,`jingdong.ware.get`接口将下线,请迁移至`jingdong.ware.read`。',
      ['jingdong.ware.get'],
      ['jingdong.ware.read'],
    ],
    // a repost's reading glosses are cut, its script kept; 就 is no part of a name
    ['網(wǎng)易相冊將於2026年3月1日關閉。', ['網易相冊'], []],
    ['此前,網(wǎng)易相冊就已經(jīng)停止新用戶注冊,並宣布將於2026年5月8日停止運營。', ['網易相冊'], []],
    // a URL is one name, its :// no clause end
    ['平台将于2026年3月1日停止使用http://old.example.com域名。', ['http://old.example.com域名'], []],
    // a page's name marked old, which 该接口 points back to
    [
      '查询商品列表(旧) 功能介绍 查询商品。 该接口即将下线,请使用“查询商品列表”。',
      ['查询商品列表(旧)'],
      ['查询商品列表'],
    ],
    [
      '| 产品名称 | 下线时间 | 替代产品 |\n|---|---|---|\n| 甲工具 | 2026年3月1日 | 乙工具 |\n| 丙工具 | 2026年4月1日 | 丁工具 |',
      ['甲工具', '丙工具'],
      ['乙工具', '丁工具'],
    ],
    // X 将由 Y 替代, 请迁移至/改用/升级到 Y, 替代方案/推荐使用
    ['旧版报表将于2026年3月1日下线,届时将由新版数据中心替代。', ['旧版报表'], ['新版数据中心']],
    ['旧版报表将于2026年3月1日下线,请迁移至新版数据中心。', ['旧版报表'], ['新版数据中心']],
    ['旧版SDK将于2026年3月1日停止服务,请升级到SDK 3.0。', ['旧版SDK'], ['SDK 3.0']],
    ['旧版报表将于2026年3月1日下线。\n替代方案:新版数据中心', ['旧版报表'], ['新版数据中心']],
    ['旧版报表将于2026年3月1日下线,推荐使用新版数据中心。', ['旧版报表'], ['新版数据中心']],
    ['“旧版发票助手”将于2026年3月1日由“电子发票平台”取代。', ['旧版发票助手'], ['电子发票平台']],
    ['旧版发票助手已被电子发票平台取代,将于2026年3月1日下线。', ['旧版发票助手'], ['电子发票平台']],
    ['舊版工具將於 2026 年 3 月 1 日停止服務,請改用新版工具。', ['舊版工具'], ['新版工具']],
    [
      '关于下线“营销助手”的公告\n尊敬的商家:\n平台将于2026年3月1日下线营销助手,请改用“生意参谋”。',
      ['营销助手'],
      ['生意参谋'],
    ],
    // a table with every cell on a line: its details cell says it again, in other words
    [
      '功能 |\n淘汰日期 |\n停用日期 |\n詳細資料 |\n甲 API v1beta |\n2025 年 5 月 17 日 |\n2026 年 5 月 17 日 |\n甲 API 1 Beta 版將於 2026 年 5 月 17 日移除。 |',
      ['甲 API v1beta'],
      [],
    ],
    // 旧版X retires and the text names 新版X; a negated cue names nothing
    ['甲工具将于2026年3月1日下线,不建议使用乙插件。', ['甲工具'], []],
    ['旧版报告将于2026年3月1日下线,新版报告已全量上线。', ['旧版报告'], ['新版报告']],
    [
      'wx.getUserInfo 接口将于2026年3月1日回收,无需再使用 wx.getUserInfo 接口获取 unionid。',
      ['wx.getUserInfo'],
      [],
    ],
    // as platforms and consoles write them
    [
      '【产品公告】云数据库Redis 4.0版本停售及下线通知\n发布时间:2026-01-15 10:00\n尊敬的阿里云用户:\n为了给您提供更稳定的服务,云数据库Redis 4.0版本将于2026年3月1日停止新购,2026年9月1日正式下线。\n影响范围\n使用Redis 4.0版本的实例。\n建议\n请您在下线前将实例升级至Redis 7.0版本。如有疑问,请提交工单。\n阿里云计算有限公司',
      ['云数据库Redis 4.0版本'],
      ['Redis 7.0版本'],
    ],
    [
      '尊敬的开发者:\n为提升接口安全性,微信开放平台将于2026年5月1日起停止支持通过 code 换取 access_token 的旧版接口 sns/oauth2/access_token(GET)。请开发者尽快改用 POST 方式调用 sns/oauth2/access_token 接口。\n微信团队\n2026年2月1日',
      ['通过 code 换取 access_token 的旧版接口 sns/oauth2/access_token(GET)'],
      ['POST 方式调用 sns/oauth2/access_token 接口'],
    ],
    [
      '抖音开放平台\n关于「团购核销旧版接口」下线的通知\n2026年1月20日\n各位服务商:\n平台将于2026年3月20日下线团购核销旧版接口(/goodlife/v1/fulfilment/certificate/verify),请尽快迁移至新版核销接口(/goodlife/v1/fulfilment/certificate/verify_v2)。\n逾期未迁移的服务商将无法完成核销。',
      ['团购核销旧版接口'],
      ['新版核销接口'],
    ],
    [
      '淘宝网关于“淘宝客旧版推广链接”失效的公告\n自2026年3月1日起,淘宝客旧版推广链接(s.click.taobao.com)将全部失效,请淘宝客尽快在联盟后台生成新版推广链接。',
      ['淘宝客旧版推广链接'],
      ['新版推广链接'],
    ],
    [
      '京东物流关于停运“京东快递次日达(部分线路)”产品的通知\n因运力调整,京东物流将于2026年3月10日起停运京东快递次日达部分线路,受影响订单将自动转为标准快递服务。',
      ['京东快递次日达部分线路'],
      ['标准快递服务'],
    ],
    [
      'Google Cloud 淘汰通知\nCloud Functions (第 1 代) 的 Node.js 14 執行階段已於 2024 年 1 月 30 日淘汰,並將於 2026 年 1 月 30 日停用。請將函式升級至 Node.js 20 或以上版本。',
      ['Cloud Functions (第 1 代) 的 Node.js 14 執行階段'],
      ['Node.js 20 或以上版本'],
    ],
    [
      '拼多多商家版App旧版本(5.0以下)将于2026年3月1日停止服务,届时将无法登录,请商家及时升级至最新版本。',
      ['拼多多商家版App旧版本(5.0以下)'],
      [],
    ],
    [
      '【公告】钉钉“旧版审批”应用将于2026年3月31日下线\n为了给您带来更好的审批体验,钉钉将于2026年3月31日下线“旧版审批”应用。下线后,旧版审批中的历史数据将迁移至“OA审批”,您可在“OA审批”中查看历史数据。',
      ['旧版审批'],
      ['OA审批'],
    ],
    [
      '華為雲\n關於下線舊版對象存儲服務OBS控制台的公告\n華為雲計劃於2026年4月1日下線舊版OBS控制台,新版控制台已上線,請您使用新版控制台管理桶和對象。',
      ['舊版OBS控制台'],
      ['新版控制台'],
    ],
    [
      'LINE Pay 台灣將於 2026 年 3 月 31 日終止「LINE Pay 一卡通帳戶」轉帳功能,用戶仍可使用 LINE Pay 付款。',
      ['LINE Pay 一卡通帳戶'],
      [],
    ],
    [
      '腾讯广告\n【API变更通知】数据源接口下线\n2026年2月3日\n平台侧计划于2026年3月3日下线以下接口:\nuser_action_sets/add\nuser_action_sets/get\n请开发者切换至 data_sources/add、data_sources/get 接口。',
      ['user_action_sets/add', 'user_action_sets/get'],
      ['data_sources/add', 'data_sources/get'],
    ],
    [
      '百度智能云千帆平台将于2026年4月1日下线 ERNIE-Bot-turbo 模型服务,建议您使用 ERNIE-4.0-Turbo 或 ERNIE-Speed 模型。',
      ['ERNIE-Bot-turbo 模型服务'],
      ['ERNIE-4.0-Turbo 或 ERNIE-Speed 模型'],
    ],
    [
      '支付宝开放平台关于下线“手机网站支付旧版接口”的通知\n支付宝将于2026年6月1日下线手机网站支付旧版接口 alipay.wap.trade.create.direct,请商户使用 alipay.trade.wap.pay 接口。',
      ['手机网站支付旧版接口 alipay.wap.trade.create.direct'],
      ['alipay.trade.wap.pay'],
    ],
    [
      '关于下线1688“代发助手”旧版的公告\n各位商家:\n1688将于2026年3月20日下线“代发助手”旧版,届时请使用“1688分销工作台”处理代发订单。',
      ['代发助手'],
      ['1688分销工作台'],
    ],
    [
      '腾讯云对象存储 COS 将于2026年5月1日起下线“静态网站旧版配置”功能,新版配置入口位于存储桶“基础配置”页面。',
      ['静态网站旧版配置'],
      [],
    ],
    [
      '各位卖家:\n敦煌网将于2026年4月1日起停止“DHpay旧版收款账户”的资金提现服务,请在此之前完成账户升级。',
      ['DHpay旧版收款账户'],
      [],
    ],
    [
      'Google Workspace 將於 2026 年 3 月 14 日停止支援安全性較低的應用程式 (LSA) 存取權。請改用 OAuth 驗證。',
      ['安全性較低的應用程式 (LSA) 存取權'],
      ['OAuth 驗證'],
    ],
    [
      '小程序“插件”能力调整公告\n为保障用户体验,自2026年3月1日起,平台将不再支持新接入“地图选点”旧版插件,已接入的小程序不受影响。建议开发者使用“腾讯位置服务地图选点组件”。',
      ['地图选点'],
      ['腾讯位置服务地图选点组件'],
    ],
    [
      '阿里云日志服务SLS将于2026年6月30日下线旧版Logtail 0.x版本,请在此之前升级Logtail至1.8.0及以上版本。',
      ['旧版Logtail 0.x版本'],
      ['1.8.0及以上版本'],
    ],
    [
      '為提升服務品質,台灣大哥大將於2026年6月30日終止3G行動通訊服務,請3G用戶盡速更換為4G或5G門號。',
      ['3G行動通訊服務'],
      ['4G或5G門號'],
    ],
    [
      '【公告】火山引擎TOS旧版控制台将于2026年3月31日下线\n尊敬的用户,火山引擎对象存储TOS旧版控制台将于2026年3月31日下线,请使用新版控制台。',
      ['火山引擎对象存储TOS旧版控制台'],
      ['新版控制台'],
    ],
    [
      '華為雲將於2026年6月1日起停止銷售通用入門型 T6 彈性雲伺服器,已購買的實例不受影響。建議您選購通用計算型 S7 實例。',
      ['通用入門型 T6 彈性雲伺服器'],
      ['通用計算型 S7 實例'],
    ],
    [
      '尊敬的商家,淘宝直播将于2026年3月1日下线PC端直播中控台(旧版),之后可通过“淘宝直播APP”或新版中控台开播。',
      ['PC端直播中控台(旧版)'],
      ['“淘宝直播APP”或新版中控台'],
    ],
    ['百度统计将于2026年3月31日停止“离线宝”产品的全部服务。', ['离线宝'], []],
    ['为规范平台经营秩序,抖店将于2026年3月1日起对违规使用“刷单工具”的店铺进行处罚。', [], []],
    [
      '模型下线通知\n影响时间\n2026-05-01 00:00:00\n变更内容\n为了提升服务质量,百炼将于2026年5月1日下线以下模型:\n• qwen-max-0428\n• qwen-plus-0206\n推荐替换方案:\n我们推荐您使用 qwen-max-latest。',
      ['qwen-max-0428', 'qwen-plus-0206'],
      ['qwen-max-latest'],
    ],
    [
      '【下线公告】华为云数据仓库服务DWS 8.0.x版本停止服务公告\n华为云计划于2026/06/30 00:00(北京时间)停止DWS 8.0.x版本的服务。\n下线范围\n下线区域:所有区域\n下线影响\n请您在下线前升级至8.1.3及以上版本。',
      ['DWS 8.0.x版本'],
      ['8.1.3及以上版本'],
    ],
    [
      'Azure Database for MySQL 單一伺服器將於 2026 年 9 月 16 日淘汰\n發佈日期: 2024 年 3 月 19 日\n為避免服務中斷,請在淘汰日期之前將單一伺服器移轉至彈性伺服器。',
      ['Azure Database for MySQL 單一伺服器'],
      ['彈性伺服器'],
    ],
    [
      '| 功能 | 淘汰日期 | 停用日期 | 詳細資料 |\n|---|---|---|---|\n| Cloud Run for Anthos | 2025 年 1 月 1 日 | 2026 年 1 月 1 日 | 請改用 Knative serving。 |',
      ['Cloud Run for Anthos'],
      ['Knative serving'],
    ],
    [
      '【API变更通知】定向标签接口下线通知\n2026年2月1日\n尊敬的腾讯广告Marketing API开发者,平台侧计划于2026年3月1日下线 targeting_tags/get 接口,请开发者切换至 targeting_tags/search 接口。',
      ['targeting_tags/get'],
      ['targeting_tags/search'],
    ],
    [
      '小程序“获取用户信息”接口调整说明\n原定于2026年3月1日回收的 wx.getPhoneNumber 旧版能力,延期至2026年6月1日回收。开发者可使用手机号快速验证组件替代。',
      ['wx.getPhoneNumber 旧版能力'],
      ['手机号快速验证组件'],
    ],
    [
      '关于抖店“精选联盟旧版后台”下线的公告\n各位商家:\n抖店将于2026年3月31日下线“精选联盟旧版后台”,届时请使用“抖店-精选联盟”新版后台。',
      ['精选联盟旧版后台'],
      ['抖店-精选联盟'],
    ],
    [
      '淘宝“店铺动态”功能下线通知\n2026年3月1日起“店铺动态”功能正式下线,商家可使用“逛逛”进行内容发布。',
      ['店铺动态'],
      ['逛逛'],
    ],
    ['即日起,1688平台将停止“伙拼”频道的招商,现有活动至2026年3月31日结束后频道下线。', ['伙拼'], []],
    [
      '火山引擎关于下线云数据库MongoDB 4.0版本的公告\n| 版本 | 停售时间 | 下线时间 |\n| --- | --- | --- |\n| MongoDB 4.0 | 2026-03-01 | 2026-09-01 |\n建议您升级至MongoDB 5.0或以上版本。',
      ['云数据库MongoDB 4.0版本'],
      ['MongoDB 5.0或以上版本'],
    ],
    [
      'PChome 商店街將於2026年6月30日終止個人賣場服務,既有賣家可轉移至「PChome 24h 購物」平台。',
      ['個人賣場服務'],
      ['PChome 24h 購物'],
    ],
    [
      'WeChat Pay HK 將於 2026 年 3 月 1 日停止支援舊版商戶平台,請商戶改用新版商戶平台。',
      ['舊版商戶平台'],
      ['新版商戶平台'],
    ],
    [
      '百度智能云文字识别“通用票据识别(旧版)”接口将于2026年4月1日下线,请使用“智能财务票据识别”接口替代。',
      ['通用票据识别(旧版)'],
      ['智能财务票据识别', '“智能财务票据识别”接口'],
    ],
    [
      '各位开发者:\n飞书开放平台将于2026年3月1日下线以下 API:\n1. 获取部门用户列表(旧)\n2. 批量获取用户信息(旧)\n替代 API 请参考开发文档。',
      ['获取部门用户列表(旧)', '批量获取用户信息(旧)'],
      [],
    ],
    [
      'Google Analytics 4 將於 2026 年 7 月 1 日停止處理通用 Analytics (分析) 資源的資料。',
      ['通用 Analytics (分析) 資源的資料'],
      [],
    ],
    [
      '关于下线“店铺宝”工具的公告\n尊敬的商家:\n为整合营销工具,淘宝将于2026年4月15日下线“店铺宝”,店铺宝中的优惠活动请移至“商家营销中心”设置。',
      ['店铺宝'],
      ['商家营销中心'],
    ],
    [
      '阿里云函数计算 FC 2.0 控制台将于2026年5月31日下线,届时您只能通过 FC 3.0 控制台管理函数。',
      ['阿里云函数计算 FC 2.0 控制台'],
      ['FC 3.0 控制台'],
    ],
    [
      '腾讯云数据库 TDSQL-C MySQL 5.7 内核版本将于2026年6月30日停止维护,建议您尽快升级至 MySQL 8.0 内核版本。',
      ['腾讯云数据库 TDSQL-C MySQL 5.7 内核版本'],
      ['MySQL 8.0 内核版本'],
    ],
    [
      '抖音电商罗盘将于2026年3月31日起停止提供“旧版经营诊断”报告,相关指标已整合进“经营分析”模块。',
      ['旧版经营诊断'],
      ['经营分析'],
    ],
    [
      'Google 將於 2026 年 3 月 31 日關閉 Google Optimize,建議改用 Google Analytics 4 整合的 A/B 測試工具。',
      ['Google Optimize'],
      ['Google Analytics 4 整合的 A/B 測試工具'],
    ],
    [
      'Microsoft 將於 2026 年 9 月 30 日淘汰 Azure 基本負載平衡器。請在此日期前升級至標準負載平衡器。',
      ['Azure 基本負載平衡器'],
      ['標準負載平衡器'],
    ],
    [
      '小红书开放平台将于2026年3月1日停止 v1 版本订单接口的服务,请开发者迁移到 v2 版本订单接口。',
      ['v1 版本订单接口'],
      ['v2 版本订单接口'],
    ],
    [
      '因业务调整,美团外卖商家端“老版店铺装修”将于2026年3月15日下线,新版店铺装修已全面开放。',
      ['老版店铺装修'],
      ['新版店铺装修'],
    ],
    [
      '百度网盘将于2026年3月1日关闭“文件分享-私密链接(旧)”功能,用户可使用“提取码分享”。',
      ['文件分享-私密链接(旧)'],
      ['提取码分享'],
    ],
    ['自2026年2月1日起,PayPal 將停止支援台灣的個人對個人轉帳服務。', ['台灣的個人對個人轉帳服務'], []],
    [
      '联通云将于2026年4月1日起停售“云主机标准型S1”规格,已购实例不受影响,可选购标准型S3。',
      ['云主机标准型S1'],
      ['标准型S3'],
    ],
    ['网易云信将于2026年3月31日下线IM旧版SDK(v8.x),请升级到v9.x版本。', ['IM旧版SDK(v8.x)'], ['v9.x版本']],
    [
      // The same name at a later version replaces it.
      '于 2026 年 2 月 28 日正式上线 V2 版本的数据校验任务 OpenAPI。\n于 2026 年 5 月 31 日正式下线 V1 版本的数据校验任务 OpenAPI。',
      ['V1 版本的数据校验任务 OpenAPI'],
      ['V2 版本的数据校验任务 OpenAPI'],
    ],
    [
      // The title quotes what closes; the schedule names its parts (servers, top-up, site).
      '《哈瓦那战纪》停止营运公告\n目前将时程安排如下:\n2026年3月10日中午12时:关闭各平台下载点/关闭储值功能\n2026年4月29日中午12时:关闭游戏伺服器并停止所有游戏服务',
      ['哈瓦那战纪'],
      [],
    ],
    [
      '快手开放平台关于下线“用户基础信息”旧接口的通知\n快手开放平台将于2026年3月20日下线 user_info 接口,新接口 user_info_v2 已上线,请开发者尽快完成迁移。',
      ['user_info'],
      ['user_info_v2'],
    ],
    [
      '為配合系統更新,中華郵政將於2026年3月1日起停止受理紙本匯票業務,民眾可改用電子匯款。',
      ['紙本匯票業務'],
      ['電子匯款'],
    ],
    ['嘀嗒出行将于2026年3月1日下线顺风车“老年版”入口。', ['老年版'], []],
    [
      '露天拍賣「舊版賣場」即將於2026年3月31日停止服務,請賣家儘速轉換至新版賣場。',
      ['舊版賣場'],
      ['新版賣場'],
    ],
    [
      '香港郵政宣布,由2026年3月1日起停止提供「本地郵政速遞」服務,市民可改用「特快專遞」。',
      ['本地郵政速遞'],
      ['特快專遞'],
    ],
    [
      '淘宝开放平台将于2026年3月15日下线 taobao.trades.sold.get 接口,替代接口为 taobao.trades.sold.query。',
      ['taobao.trades.sold.get'],
      ['taobao.trades.sold.query'],
    ],
    [
      '百度智能云将于2026年4月30日下线BCC旧版控制台,届时请访问新版控制台进行资源管理。',
      ['BCC旧版控制台'],
      ['新版控制台'],
    ],
    [
      '平台将于2026年3月1日对商家后台的“数据罗盘”进行下线,相关数据可在“生意参谋”中查看。',
      ['数据罗盘'],
      ['生意参谋'],
    ],
    [
      '阿里云对象存储OSS将于2026年6月1日起停止支持TLS 1.0和TLS 1.1协议,请您升级到TLS 1.2及以上版本。',
      ['TLS 1.0', 'TLS 1.1协议'],
      ['TLS 1.2及以上版本'],
    ],
    [
      '关于“店铺体检”功能下线的通知\n尊敬的商家:\n为优化产品体验,平台将于2026年4月1日正式下线“店铺体检”功能,下线后相关数据将不再保留。',
      ['店铺体检'],
      [],
    ],
    [
      '【产品下线】云监控旧版控制台将于2026年5月31日停止服务,请使用新版控制台。',
      ['云监控旧版控制台'],
      ['新版控制台'],
    ],
    [
      '尊敬的用户:因业务调整,短信服务国际版将于2026年6月30日起停止售卖,已购买的套餐包可继续使用至到期。',
      ['短信服务国际版'],
      [],
    ],
    [
      '抖店开放平台将于2026年3月31日下线以下接口:\n1. order.list\n2. order.detail\n请开发者尽快迁移至 order.search。',
      ['order.list', 'order.detail'],
      ['order.search'],
    ],
    [
      '| 接口名称 | 下线日期 | 替代接口 |\n| --- | --- | --- |\n| item.get | 2026-03-01 | item.query |',
      ['item.get'],
      ['item.query'],
    ],
    [
      '淘宝联盟将于2026年3月15日对“推广位管理”接口进行下线处理,替代方案为“媒体管理”接口。',
      ['推广位管理'],
      ['媒体管理'],
    ],
    ['旧版发票助手将由电子发票平台替代,旧版将于2026年3月1日下线。', ['旧版发票助手'], ['电子发票平台']],
    ['2026年3月1日起,千牛PC版3.x将无法登录,请升级至最新版本。', ['千牛PC版3.x'], []],
    ['根据《淘宝平台规则》,平台将于2026年3月1日下线“定向推广”功能。', ['定向推广'], []],
    ['阿里妈妈将于2026年3月1日起逐步下线“钻展”产品,原有功能已整合至“引力魔方”。', ['钻展'], ['引力魔方']],
    ['微信支付将于2026年3月1日停止旧版API(v2)的服务,请商户升级至APIv3。', ['旧版API(v2)'], ['APIv3']],
    [
      '因系统升级,拼多多商家后台“限时秒杀(旧)”入口将于2026年3月1日关闭,新入口为“营销活动-秒杀”。',
      ['限时秒杀(旧)'],
      ['营销活动-秒杀'],
    ],
    ['自2026年3月1日起,钉钉将不再支持Windows 7系统。', ['Windows 7系统'], []],
    ['Google Ads API v16 將於 2026 年 1 月 29 日停用,請遷移至 v19。', ['Google Ads API v16'], ['v19']],
    ['LINE 將於2026年3月31日終止「LINE Pay」台灣服務。', ['LINE Pay'], []],
    ['甲工具将于2026年3月1日下线,乙工具将于2026年4月1日下线。', ['甲工具', '乙工具'], []],
    ['PChome 商店街將於2026年3月1日結束營運。', ['PChome 商店街'], []],
    ['淘宝网将于2026年3月1日关闭“淘宝同学”频道。', ['淘宝同学'], []],
    [
      '为进一步提升服务质量,火山引擎将于2026年3月1日下线云服务器ecs.g1系列实例规格,建议您迁移至ecs.g3系列。',
      ['云服务器ecs.g1系列实例规格'],
      ['ecs.g3系列'],
    ],
    [
      '平台将于2026年3月1日下线直通车“智能计划”,届时智能计划将统一迁移至“全站推广”。',
      ['智能计划'],
      ['全站推广'],
    ],
    ['2026年3月1日起,旧版千牛工作台停止维护,推荐使用新版千牛。', ['旧版千牛工作台'], ['新版千牛']],
    [
      '接口 taobao.item.get 将于 2026-03-01 下线,请改用 taobao.item.seller.get。',
      ['taobao.item.get'],
      ['taobao.item.seller.get'],
    ],
    [
      '百度统计将于2026年3月31日下线“网站统计-旧版报告”,您可以使用新版报告查看数据。',
      ['网站统计-旧版报告'],
      ['新版报告'],
    ],
    [
      '2026年3月1日起,支付宝将停止对当面付旧版接口的支持,请及时切换到新版接口。',
      ['当面付旧版接口'],
      ['新版接口'],
    ],
    ['京东将于2026年3月1日起下线京东快车,原有计划自动迁移至京准通。', ['京东快车'], ['京准通']],
    ['【公告】“旺铺智能版”将于2026年3月1日起停止续费,2026年6月30日正式下线。', ['旺铺智能版'], []],
    [
      '各位卖家:由于“秒杀工具”已由“营销工具箱”取代,原“秒杀工具”将于2026年3月1日下线。',
      ['秒杀工具'],
      ['营销工具箱'],
    ],
    [
      '以下功能将于2026年3月1日下线:\n• 自定义报表\n• 数据导出(旧版)\n• 流量分析',
      ['自定义报表', '数据导出(旧版)', '流量分析'],
      [],
    ],
    ['下线产品:云数据库 Redis 2.8 版本\n下线时间:2026年3月1日', ['云数据库 Redis 2.8 版本'], []],
    ['停售范围:所有地域的GPU计算型gn5实例\n停售时间:2026年3月1日', ['所有地域的GPU计算型gn5实例'], []],
    ['應用程式將於 2026 年 3 月 1 日停止支援 Android 7.0 以下版本。', ['Android 7.0 以下版本'], []],
    [
      '本公告所述之「Yahoo奇摩拍賣舊版賣家中心」將於2026年3月1日關閉,請改用新版賣家中心。',
      ['Yahoo奇摩拍賣舊版賣家中心'],
      ['新版賣家中心'],
    ],
    ['PChome 24h購物將於2026年3月1日起停止提供超商取貨服務。', ['超商取貨服務'], []],
    [
      'Azure Functions v3 執行階段將於 2026 年 12 月 13 日淘汰。建議您移轉至 v4。',
      ['Azure Functions v3 執行階段'],
      ['v4'],
    ],
    [
      'Google 將於 2026 年 6 月 30 日停止支援舊版 Analytics (分析) 報表 API,請改用 Google Analytics Data API。',
      ['舊版 Analytics (分析) 報表 API'],
      ['Google Analytics Data API'],
    ],
    [
      '抖音开放平台:2026年3月1日起,「视频管理-旧版上传接口」将停止服务,请使用「视频上传V2」接口。',
      ['视频管理-旧版上传接口'],
      ['视频上传V2'],
    ],
    [
      '尊敬的开发者,您好!\n华为云将于2026年3月1日下线API Explorer旧版,届时旧版将不可访问。\n请使用新版API Explorer。',
      ['Explorer旧版'],
      ['新版API Explorer'],
    ],
    [
      '【下线通知】企业微信“老版审批”应用下线公告\n企业微信将于2026年3月31日下线“老版审批”应用,请管理员尽快将审批数据迁移至“审批”应用。',
      ['老版审批'],
      ['审批'],
    ],
    [
      '腾讯云轻量应用服务器部分旧版镜像将于2026年3月1日下线,涉及镜像如下:\nCentOS 7.6\nUbuntu 16.04\n下线后将无法使用上述镜像创建实例。',
      ['CentOS 7.6', 'Ubuntu 16.04'],
      [],
    ],
    [
      '尊敬的客户:\n阿里云短信服务将于2026年3月1日起停止支持HTTP协议调用,请您及时切换至HTTPS协议。',
      ['HTTP协议调用'],
      ['HTTPS协议'],
    ],
    [
      '2026年3月1日,“淘宝直播-旧版中控台”将停止服务,主播可使用“淘宝直播APP”开播。',
      ['淘宝直播-旧版中控台'],
      ['淘宝直播APP'],
    ],
    [
      '亲爱的用户,网易邮箱将于2026年3月1日关闭“邮箱相册”功能,届时您将无法访问相册内的照片。',
      ['邮箱相册'],
      [],
    ],
    [
      '平台计划于2026年3月1日对商品发布旧版页面进行下线,新版页面已全量上线。',
      ['商品发布旧版页面'],
      ['新版页面'],
    ],
    ['自2026年3月1日起,1688将停止向非实名认证会员提供“采购助手”服务。', ['采购助手'], []],
    [
      '2026年3月1日起,聚水潭ERP将不再支持旧版API对接方式,请尽快升级到开放平台V2。',
      ['旧版API对接方式'],
      ['开放平台V2'],
    ],
  ])('%s', (text, products, replacements) => {
    const got = names(text);
    expect(got.products).toEqual(products);
    expect(got.replacements).toEqual(replacements);
  });

  it('该功能 with nothing it could point back to names no product', () => {
    expect(names('该功能将于2026年3月1日下线。').products).toEqual([]);
  });

  it('该功能 points back to the name quoted before it', () => {
    expect(
      names('“账户托管服务”为2013年推出的授权代理功能,平台计划于2026年3月14日下线该功能。').products,
    ).toEqual(['账户托管服务']);
  });

  it('a sentence that introduces a list is summed up by it, not added to it', () => {
    const got = names(
      '平台将于2026年3月1日对下列旧版模型进行下线处理,具体下线清单如下:\n• qwen-turbo\n• qwen-vl-max',
    );
    expect(got.products).toEqual(['qwen-turbo', 'qwen-vl-max']);
  });
});

describe('what names nothing', () => {
  it.each([
    ['淘宝平台关于修订《淘宝网市场管理与违规处理规范》的公告\n新规自2026年3月1日起生效。违规商品将被下架。'],
    ['系统维护公告:2026年3月1日凌晨2:00-6:00进行系统维护,期间部分功能暂停使用。'],
    ['敬爱的顾客:\n本店将于2026年3月1日起暂停营业,营业恢复日期另行通知。'],
    ['政府部分基本公共服务28日起恢复\n政府各部门今日起恢复部分基本公共服务。'],
  ])('%s', (text) => {
    const got = names(text);
    expect(got.kind).not.toBe('retire');
    expect(got.products).toEqual([]);
  });

  it.each([
    // an audience, an actor, a document, a deadline, a pause for one day
    ['对于存量用户,平台将于2026年3月1日停止服务。', []],
    ['微信支付侧将于2026年3月18日将旧IP从DNS解析中剔除。', ['旧IP']],
    ['自2026年3月1日起,未缴费店铺将无法上传商品。', []],
    ['中华民国一百十四年一月一日内政部内授消字第 11316024921 号函自即日停止适用。', []],
  ])('%s', (text, products) => {
    expect(names(text).products).toEqual(products);
  });

  it('a replacement is never the old product, and a document title is no move', () => {
    expect(
      names('旧版「我的拍卖」将于2026年3月1日停用。您可以从新版中切换至旧版查看。').replacements,
    ).toEqual([]);
    expect(
      names('Merchant API (v1beta) 將於 2026 年 2 月 28 日停用。請參閱「從 v1beta 遷移至 v1」。')
        .replacements,
    ).toEqual([]);
  });
});

describe('input built to make a pattern take its time', () => {
  // Each of these took seconds to minutes before the finder bounded its windows and counted a
  // run of spaces as one (a run of 3000 spaces: 79 s).
  it.each([
    [' ', 3000],
    ['下线', 3000],
    ['停止使用', 3000],
    ['将会', 3000],
    ['对', 3000],
    ['“', 3000],
  ])('%j × %i', (piece, n) => {
    const text = `平台${piece.repeat(n)}甲将于2026年3月1日下线${piece.repeat(n)}甲`;
    const started = performance.now();
    expect(extractAnnouncement(text, '2026-02-10').ok).toBe(true);
    // Generous: the machine is shared; without the bounds these take 5 s to 80 s.
    expect(performance.now() - started).toBeLessThan(2500);
  });
});
