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
      ['拼多多商家后台“限时秒杀(旧)”入口'],
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
