"""A generated corpus of realistic documents for the benches.

`generate(n, out_dir, seed)` writes n document files laid out as plans/ is
(out_dir plays the role of plans/: out_dir/<year>/<slug>.md), in the shape and
vocabulary of the seed plan 114-KH/ĐUK: about 1,500 words, headings I./II./III.,
bold-numbered paragraphs, and citations written the way Party texts write them
("Chỉ thị số 06-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy"). Citations
point to earlier generated documents, to documents a registry knows (the seed
plan's directives, national texts) and to documents nobody knows (unresolved).

Same n and seed → the same bytes. Command line: python bench/make_corpus.py N OUT_DIR
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from slugify import slugify

YEARS = range(2015, 2027)
SEED = (2023, "114-kh-duk")  # the seed plan plans/2023/114-kh-duk.md
LAST_MONTH_2026 = 10  # the corpus stops before "now" (late 2026)

# --- Issuing bodies --------------------------------------------------------


@dataclass(frozen=True)
class Issuer:
    name: str  # co_quan_ban_hanh
    code: str  # the issuer code of its numbers
    system: str  # "party" or "state"
    superior: str | None  # co_quan_cap_tren
    cited_as: str  # how others write it after "của"
    collective: str | None  # thay_mat (T/M …), None for a head signing
    titles: tuple[str, ...]  # chuc_vu of its signers
    types: tuple[str, ...]  # type names it issues
    years: range = YEARS


PARTY_MAIN = ("Kế hoạch", "Báo cáo", "Thông báo", "Hướng dẫn", "Quyết định", "Chương trình", "Nghị quyết")

ISSUERS: tuple[Issuer, ...] = (
    Issuer("Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh", "ĐUK", "party", "Đảng bộ tỉnh Bến Tre",
           "Ban Thường vụ Đảng ủy Khối", "Ban Thường vụ", ("Bí thư", "Phó Bí thư"), (*PARTY_MAIN, "Chỉ thị")),
    Issuer("Tỉnh ủy Bến Tre", "TU", "party", "Đảng bộ tỉnh Bến Tre", "Ban Thường vụ Tỉnh ủy",
           "Ban Thường vụ", ("Bí thư", "Phó Bí thư Thường trực", "Phó Bí thư"), (*PARTY_MAIN, "Chỉ thị")),
    Issuer("Ban Tuyên giáo Tỉnh ủy", "BTGTU", "party", "Tỉnh ủy Bến Tre", "Ban Tuyên giáo Tỉnh ủy",
           None, ("Trưởng ban", "Phó Trưởng ban"), ("Kế hoạch", "Hướng dẫn", "Báo cáo", "Thông báo"), range(2015, 2025)),
    Issuer("Ban Dân vận Tỉnh ủy", "BDVTU", "party", "Tỉnh ủy Bến Tre", "Ban Dân vận Tỉnh ủy",
           None, ("Trưởng ban", "Phó Trưởng ban"), ("Kế hoạch", "Hướng dẫn", "Báo cáo"), range(2015, 2025)),
    Issuer("Ban Tuyên giáo và Dân vận Tỉnh ủy", "BTGDVTU", "party", None,
           "Ban Tuyên giáo và Dân vận Tỉnh ủy", None, ("Trưởng ban", "Phó Trưởng ban"),
           ("Kế hoạch", "Hướng dẫn", "Báo cáo", "Thông báo"), range(2025, 2027)),
    Issuer("Ủy ban Kiểm tra Tỉnh ủy", "UBKTTU", "party", "Tỉnh ủy Bến Tre", "Ủy ban Kiểm tra Tỉnh ủy",
           None, ("Chủ nhiệm", "Phó Chủ nhiệm"), ("Kế hoạch", "Báo cáo", "Thông báo", "Quyết định")),
    Issuer("Huyện ủy Châu Thành", "HU", "party", "Đảng bộ tỉnh Bến Tre", "Ban Thường vụ Huyện ủy Châu Thành",
           "Ban Thường vụ", ("Bí thư", "Phó Bí thư"), (*PARTY_MAIN, "Chỉ thị"), range(2015, 2026)),
    Issuer("Đảng ủy Sở Nội vụ", "ĐU", "party", "Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh", "Đảng ủy Sở Nội vụ",
           "Đảng ủy", ("Bí thư", "Phó Bí thư"), ("Kế hoạch", "Báo cáo", "Nghị quyết", "Thông báo")),
    Issuer("Ủy ban nhân dân tỉnh Bến Tre", "UBND", "state", None, "Ủy ban nhân dân tỉnh",
           "Ủy ban nhân dân", ("Chủ tịch", "Phó Chủ tịch"),
           ("Quyết định", "Kế hoạch", "Chỉ thị", "Báo cáo", "Thông báo", "Chương trình", "Hướng dẫn")),
    Issuer("Sở Nội vụ tỉnh Bến Tre", "SNV", "state", "Ủy ban nhân dân tỉnh Bến Tre", "Sở Nội vụ",
           None, ("Giám đốc", "Phó Giám đốc"), ("Kế hoạch", "Báo cáo", "Hướng dẫn", "Quyết định")),
)
ISSUER_WEIGHTS = (24, 18, 6, 5, 3, 5, 8, 6, 18, 7)

CODES = {"Kế hoạch": "KH", "Chỉ thị": "CT", "Nghị quyết": "NQ", "Quyết định": "QĐ", "Chương trình": "CTr",
         "Báo cáo": "BC", "Hướng dẫn": "HD", "Thông báo": "TB"}
TYPE_WEIGHTS = {"Kế hoạch": 30, "Báo cáo": 15, "Thông báo": 9, "Hướng dẫn": 10, "Quyết định": 11,
                "Chương trình": 8, "Chỉ thị": 6, "Nghị quyết": 11}

# --- Documents a registry knows but plans/ does not hold -------------------
# (type, number, date d/m/yyyy or None, cited body, subject)
KNOWN = (
    ("Chương trình", "36-CTr/TU", "27/02/2023", "Ban Thường vụ Tỉnh ủy", "công tác dân vận của Tỉnh ủy năm 2023"),
    ("Chỉ thị", "06-CT/TU", "06/5/2021", "Ban Thường vụ Tỉnh ủy",
     "tiếp tục đổi mới nội dung, phương thức và nâng cao chất lượng hoạt động của Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội"),
    ("Quy chế", "09-QC/ĐUK", "25/11/2022", "Ban Thường vụ Đảng ủy Khối",
     "công tác dân vận trong Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh"),
    ("Quyết định", "306-QĐ/TU", "19/11/2021", "Ban Thường vụ Tỉnh ủy",
     "việc ban hành Quy chế công tác dân vận của hệ thống chính trị"),
    ("Chỉ thị", "08-CT/TU", "23/9/2021", "Ban Thường vụ Tỉnh ủy",
     "nâng cao hiệu quả công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp trên địa bàn tỉnh"),
    ("Chỉ thị", "18-CT/TW", None, "Ban Bí thư Trung ương Đảng", "công tác giám sát, phản biện xã hội"),
    ("Quyết định", "218-QĐ/TW", None, "Bộ Chính trị", "góp ý xây dựng Đảng, xây dựng chính quyền"),
    ("Nghị quyết", "57-NQ/TW", "22/12/2024", "Bộ Chính trị",
     "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"),
    ("Nghị định", "30/2020/NĐ-CP", "05/3/2020", "Chính phủ", "công tác văn thư"),
    ("Chỉ thị", "05-CT/TW", "15/5/2016", "Bộ Chính trị",
     "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
)
NAMED = (
    "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII",
    "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI",
    "Nghị quyết Đại hội đại biểu Đảng bộ Khối lần thứ XIII",
)
# Bodies whose documents nobody here holds: their citations stay unresolved.
STRANGERS = (
    ("Huyện ủy Mỏ Cày Nam", "HU", "Ban Thường vụ Huyện ủy Mỏ Cày Nam"),
    ("Thành ủy Bến Tre", "TU", "Ban Thường vụ Thành ủy Bến Tre"),
    ("Ban Tổ chức Tỉnh ủy", "BTCTU", "Ban Tổ chức Tỉnh ủy"),
    ("Đảng ủy Công an tỉnh", "ĐU", "Đảng ủy Công an tỉnh"),
)

# --- Vocabulary, from the seed plan ----------------------------------------


@dataclass(frozen=True)
class Topic:
    subject: str  # "công tác dân vận"
    tags: tuple[str, ...]
    goals: tuple[str, ...]  # noun phrases to pursue


TOPICS: tuple[Topic, ...] = (
    Topic("công tác dân vận", ("dân vận", "dân chủ cơ sở", "Dân vận khéo"),
          ("phong trào thi đua “Dân vận khéo”", "quy chế dân chủ ở cơ sở", "công tác dân vận chính quyền")),
    Topic("công tác tuyên truyền, giáo dục chính trị tư tưởng", ("tuyên giáo", "tư tưởng"),
          ("công tác nắm bắt tình hình tư tưởng", "việc bảo vệ nền tảng tư tưởng của Đảng", "công tác báo chí, xuất bản")),
    Topic("công tác kiểm tra, giám sát của Đảng", ("kiểm tra", "giám sát", "kỷ luật đảng"),
          ("công tác kiểm tra, giám sát thường xuyên", "việc thi hành kỷ luật trong Đảng", "công tác giải quyết tố cáo")),
    Topic("công tác xây dựng, chỉnh đốn Đảng", ("xây dựng Đảng", "tổ chức cơ sở đảng"),
          ("chất lượng sinh hoạt chi bộ", "công tác phát triển đảng viên", "năng lực lãnh đạo của tổ chức cơ sở đảng")),
    Topic("học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", ("học tập và làm theo Bác", "Chỉ thị 05"),
          ("việc nêu gương của cán bộ, đảng viên", "các mô hình học tập và làm theo Bác", "chuẩn mực đạo đức công vụ")),
    Topic("phòng, chống tham nhũng, tiêu cực", ("phòng chống tham nhũng", "tiêu cực"),
          ("công khai, minh bạch trong hoạt động công vụ", "kiểm soát tài sản, thu nhập", "việc phát hiện, xử lý tham nhũng")),
    Topic("cải cách hành chính", ("cải cách hành chính", "thủ tục hành chính"),
          ("chất lượng giải quyết thủ tục hành chính", "chỉ số hài lòng của người dân", "kỷ luật, kỷ cương hành chính")),
    Topic("chuyển đổi số", ("chuyển đổi số", "khoa học công nghệ"),
          ("hạ tầng số và dữ liệu số", "dịch vụ công trực tuyến", "kỹ năng số cho cán bộ, công chức")),
    Topic("công tác cán bộ", ("cán bộ", "quy hoạch", "đào tạo"),
          ("công tác quy hoạch, đào tạo, bồi dưỡng cán bộ", "việc đánh giá, xếp loại cán bộ", "công tác luân chuyển cán bộ")),
    Topic("phòng, chống thiên tai, hạn hán, xâm nhập mặn", ("thiên tai", "hạn mặn"),
          ("phương án ứng phó hạn hán, xâm nhập mặn", "công tác cứu trợ, hỗ trợ người dân", "việc trữ nước ngọt")),
    Topic("xây dựng nông thôn mới, đô thị văn minh", ("nông thôn mới", "đô thị văn minh"),
          ("các tiêu chí nông thôn mới nâng cao", "cuộc vận động xây dựng đô thị văn minh", "phong trào thi đua “Đồng Khởi mới”")),
    Topic("công tác thi đua, khen thưởng", ("thi đua", "khen thưởng"),
          ("việc phát hiện, nhân rộng điển hình tiên tiến", "công tác khen thưởng kịp thời", "các phong trào thi đua yêu nước")),
)

UNITS = (
    "Các chi ủy, đảng ủy cơ sở", "Ban Thường vụ Đoàn Khối", "Ban Tuyên giáo Đảng ủy Khối", "Ủy ban Kiểm tra Đảng ủy Khối",
    "Văn phòng Đảng ủy Khối", "Ban Tổ chức Đảng ủy Khối", "Công đoàn Viên chức tỉnh", "Hội Cựu chiến binh Khối",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Sở Nội vụ", "Sở Thông tin và Truyền thông", "Ủy ban nhân dân các huyện, thành phố",
)
RECIPIENTS = (
    "Thường trực Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Các đồng chí trong Đảng ủy Khối",
    "Các chi ủy, đảng ủy cơ sở", "Ban Thường vụ Đoàn Khối", "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy",
    "Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các huyện, thành phố",
)
ACTORS = (
    "Các cấp ủy, tổ chức đảng", "Các chi ủy, đảng ủy cơ sở", "Ban Thường vụ Đoàn Khối", "Người đứng đầu cơ quan, đơn vị",
    "Các cơ quan, đơn vị, doanh nghiệp", "Cán bộ, đảng viên, công chức, viên chức", "Các đoàn thể chính trị - xã hội",
)
VERBS = (
    "lãnh đạo, chỉ đạo thực hiện tốt", "tiếp tục đẩy mạnh", "quan tâm đổi mới nội dung, phương thức thực hiện",
    "tăng cường kiểm tra, đôn đốc việc thực hiện", "nâng cao chất lượng, hiệu quả", "triển khai đồng bộ, quyết liệt",
    "thường xuyên sơ kết, rút kinh nghiệm", "cụ thể hóa thành chương trình, kế hoạch để thực hiện",
)
TAILS = (
    "gắn với việc thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị, doanh nghiệp",
    "bảo đảm thiết thực, hiệu quả, đúng thực chất và hướng về cơ sở",
    "tạo sự chuyển biến mạnh mẽ trong nhận thức và hành động của cán bộ, đảng viên",
    "phát huy vai trò của đoàn viên, hội viên, công chức, viên chức và người lao động",
    "kịp thời giải quyết những nguyện vọng hợp pháp, chính đáng của công chức, viên chức và người lao động",
    "góp phần xây dựng Đảng, xây dựng chính quyền trong sạch, vững mạnh",
    "theo phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”",
)
FILLERS = (
    "Tổ chức tốt việc đối thoại định kỳ và đột xuất giữa người đứng đầu cấp ủy với đoàn viên, hội viên, công chức, viên chức và người lao động.",
    "Thường xuyên gặp gỡ, lắng nghe, tiếp thu và giải quyết kịp thời những ý kiến kiến nghị, phản ánh, đề xuất chính đáng.",
    "Quan tâm xây dựng, giới thiệu, nhân rộng các mô hình, điển hình trên các lĩnh vực để tạo sự lan tỏa sâu, rộng trong cộng đồng.",
    "Kịp thời tôn vinh các tập thể, cá nhân tiêu biểu và chọn, nhân rộng các mô hình đạt hiệu quả cao.",
    "Tập trung việc lựa chọn, bố trí cán bộ đủ năng lực và uy tín, đáp ứng yêu cầu nhiệm vụ trong tình hình mới.",
    "Chú trọng đổi mới nội dung, phương thức hoạt động theo hướng thiết thực, gắn với đời sống của người lao động.",
    "Định kỳ báo cáo kết quả thực hiện cho cấp ủy cấp trên theo dõi, chỉ đạo.",
    "Phát huy dân chủ, đẩy mạnh các phong trào thi đua yêu nước trong toàn Đảng bộ.",
    "Tăng cường công tác nắm tình hình đối với việc thực hiện đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    "Vận động đoàn viên, hội viên tích cực tham gia các cuộc vận động, các phong trào thi đua ở địa phương.",
)
MODELS = (
    "Dân vận khéo", "Chi bộ bốn tốt", "Cơ quan văn minh", "Ngày thứ bảy tình nguyện", "Mái ấm công đoàn",
    "Đảng viên gương mẫu", "Công sở xanh", "Một cửa thân thiện", "Nước sạch nông thôn", "Thanh niên khởi nghiệp",
)
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Trương", "Lâm")
MIDDLES = ("Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Hoàng", "Quốc", "Thị Kim", "Đức")
GIVEN = ("Dự", "Yến", "Hùng", "Lan", "Phúc", "Tâm", "Hải", "Nam", "Thảo", "Trí", "Hòa", "Dũng", "Thủy", "Sơn", "Nga")

SECTIONS = {
    "Kế hoạch": ("MỤC ĐÍCH YÊU CẦU", "NỘI DUNG TRỌNG TÂM", "TỔ CHỨC THỰC HIỆN"),
    "Chương trình": ("MỤC TIÊU", "NHIỆM VỤ VÀ GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN"),
    "Chỉ thị": ("TÌNH HÌNH", "NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN"),
    "Nghị quyết": ("TÌNH HÌNH VÀ NGUYÊN NHÂN", "QUAN ĐIỂM, MỤC TIÊU", "NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN"),
    "Quyết định": ("NHỮNG QUY ĐỊNH CHUNG", "NỘI DUNG QUY CHẾ", "TỔ CHỨC THỰC HIỆN"),
    "Báo cáo": ("KẾT QUẢ THỰC HIỆN", "HẠN CHẾ, NGUYÊN NHÂN", "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"),
    "Hướng dẫn": ("MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG HƯỚNG DẪN", "TỔ CHỨC THỰC HIỆN"),
    "Thông báo": ("ĐÁNH GIÁ CHUNG", "NHIỆM VỤ THỜI GIAN TỚI", "TỔ CHỨC THỰC HIỆN"),
}
ROMAN = ("I", "II", "III", "IV", "V")


@dataclass
class Ref:
    """A document others can cite: generated or known to a registry."""

    type: str
    number: str
    date: str | None  # d/m/yyyy as written in Party citations
    body: str  # as written after "của"
    subject: str


@dataclass
class Made:
    """One generated document, for the caller and for later citations."""

    path: Path
    ref: Ref
    year: int
    published: bool
    cites: list[str] = field(default_factory=list)


class _Generator:
    def __init__(self, seed: int, n: int):
        self.rng = random.Random(seed)
        # Documents of other bodies, cited again and again as real ones are, and
        # never resolved: about one for every ten generated documents.
        self.outside = [self._outside() for _ in range(max(8, n // 10))]
        self.counters: dict[tuple, int] = {}
        # (year, slug): no duplicate number or URL; the seed plan's number is kept
        # free so a bench can add the seed plan to any generated corpus.
        self.taken: set[tuple[int, str]] = {SEED}
        self.refs: list[Ref] = []
        self.signers = {i.code + i.name: [self._person() for _ in range(3)] for i in ISSUERS}

    def _outside(self) -> Ref:
        r = self.rng
        _, code, body = r.choice(STRANGERS)
        type_name = r.choice(("Kế hoạch", "Chỉ thị", "Nghị quyết", "Hướng dẫn"))
        date = f"{r.randint(1, 28)}/{r.randint(1, 12)}/{r.randint(2013, 2025)}"
        return Ref(type_name, f"{r.randint(1, 300):02d}-{CODES[type_name]}/{code}", date, body, r.choice(TOPICS).subject)

    def _person(self) -> str:
        r = self.rng
        return f"{r.choice(SURNAMES)} {r.choice(MIDDLES)} {r.choice(GIVEN)}"

    # -- identity ----------------------------------------------------------

    def _number(self, issuer: Issuer, type_name: str, year: int) -> str:
        """Party numbers run per type through a committee's term; State ones per year."""
        code = CODES[type_name]
        series = (year - 2015) // 5 if issuer.system == "party" else year
        key = (issuer.code, issuer.name, code, series)
        start = 1 if issuer.system == "party" else self.rng.randint(1, 40)
        value = self.counters.get(key, start - 1) + self.rng.randint(1, 6 if issuer.code == "UBND" else 3)
        self.counters[key] = value
        if issuer.system == "party":
            return f"{value:02d}-{code}/{issuer.code}"
        return f"{value:02d}/{code}-{issuer.code}"

    def _date(self, year: int) -> tuple[str | None, int, int, int]:
        last = LAST_MONTH_2026 if year == 2026 else 12
        month, day = self.rng.randint(1, last), self.rng.randint(1, 28)
        roll = self.rng.random()
        if roll < 0.05:  # the original gives no date, only the year (as the seed plan)
            return None, year, month, day
        if roll < 0.08:
            return f"{month}/{year}", year, month, day
        return f"{year}-{month:02d}-{day:02d}", year, month, day

    # -- one document --------------------------------------------------------

    def document(self, year: int) -> tuple[dict, str, Ref]:
        r = self.rng
        issuer = r.choices([i for i in ISSUERS], weights=ISSUER_WEIGHTS)[0]
        while year not in issuer.years:
            issuer = r.choices(ISSUERS, weights=ISSUER_WEIGHTS)[0]
        type_name = r.choices([t for t in TYPE_WEIGHTS if t in issuer.types],
                              weights=[TYPE_WEIGHTS[t] for t in TYPE_WEIGHTS if t in issuer.types])[0]
        number = self._number(issuer, type_name, year)
        while (year, _slug(number)) in self.taken:
            number = self._number(issuer, type_name, year)
        self.taken.add((year, _slug(number)))
        written, year, month, day = self._date(year)
        topic = r.choice(TOPICS)
        title = self._title(type_name, topic, year)
        cites = self._citations(year, month)
        meta = self._meta(issuer, type_name, number, title, topic, written, year, month, cites)
        body = self._body(issuer, type_name, topic, title, year, month, cites, meta.get("nhiem_vu", []))
        dated = f"{day}/{month}/{year}" if written and "-" in written else None
        ref = Ref(type_name, number, dated, issuer.cited_as, title[0].lower() + title[1:])
        return meta, body, ref

    def _title(self, type_name: str, topic: Topic, year: int) -> str:
        r = self.rng
        goal = r.choice(topic.goals)
        forms = {
            "Kế hoạch": (f"Thực hiện {topic.subject} năm {year}", f"Triển khai {goal} giai đoạn {year} - {year + 2}"),
            "Chương trình": (f"Chương trình hành động về {topic.subject} năm {year}", f"Nâng cao {goal}"),
            "Chỉ thị": (f"Về tăng cường {topic.subject}", f"Về nâng cao {goal}"),
            "Nghị quyết": (f"Về lãnh đạo {topic.subject} năm {year}", f"Về đẩy mạnh {goal} đến năm {year + 5}"),
            "Quyết định": (f"Về việc ban hành Quy chế {topic.subject}", f"Về việc thành lập Tổ công tác về {goal}"),
            "Báo cáo": (f"Kết quả {topic.subject} năm {year}", f"Sơ kết {r.randint(1, 5)} năm thực hiện {goal}"),
            "Hướng dẫn": (f"Hướng dẫn thực hiện {topic.subject}", f"Về việc triển khai {goal}"),
            "Thông báo": (f"Kết luận của Ban Thường vụ về {topic.subject}", f"Về việc tổ chức hội nghị về {goal}"),
        }
        return r.choice(forms[type_name])

    def _citations(self, year: int, month: int) -> list[Ref]:
        """Earlier generated documents (resolved), known ones, and strangers (unresolved)."""
        r = self.rng
        cites: list[Ref] = []
        earlier = [ref for ref in self.refs[-400:] if ref.date and _before(ref.date, year, month)]
        for _ in range(r.randint(2, 5)):
            if earlier:
                cites.append(r.choice(earlier))
        for _ in range(r.randint(1, 2)):
            cites.append(Ref(*r.choice(KNOWN)))
        outside = [ref for ref in self.outside if _before(ref.date, year, month)]
        if outside and r.random() < 0.35:
            cites.append(r.choice(outside))
        unique: dict[str, Ref] = {c.number: c for c in cites}
        return list(unique.values())

    def _meta(self, issuer, type_name, number, title, topic, written, year, month, cites) -> dict:
        r = self.rng
        party = issuer.system == "party"
        meta: dict = {"so_hieu": number, "loai": type_name, "trich_yeu": title, "co_quan_ban_hanh": issuer.name}
        if issuer.superior:
            meta["co_quan_cap_tren"] = issuer.superior
        if written:
            meta["ngay_ban_hanh"] = written
        else:
            meta["nam"] = year
        meta["dia_danh"] = "Vĩnh Long" if year >= 2026 else "Bến Tre"
        title_index = r.randrange(len(issuer.titles))
        if issuer.collective:
            meta["tham_quyen_ky"] = "T/M" if party else ("TM." if title_index == 0 else "KT.")
            meta["thay_mat"] = issuer.collective
        elif title_index > 0:
            meta["tham_quyen_ky"] = "K/T" if party else "KT."
            meta["thay_mat"] = issuer.titles[0]
        meta["chuc_vu"] = issuer.titles[title_index]
        meta["nguoi_ky"] = r.choice(self.signers[issuer.code + issuer.name])
        if type_name in ("Kế hoạch", "Nghị quyết") and r.random() < 0.4:
            meta["chu_de"] = f"Nâng cao chất lượng {topic.subject} gắn với {r.choice(topic.goals)}"
        if cites and r.random() < 0.6:
            meta["thuc_hien"] = [_cite_text(cites[0])]
        if len(cites) > 1 and r.random() < 0.3:
            meta["can_cu"] = [_cite_text(cites[1])]
        recipients = r.sample(RECIPIENTS, r.randint(3, 6))
        if r.random() < 0.9:  # the rest are held back from the site
            recipients.append("Đăng Website")
        recipients.append("Lưu VP" if party else "Lưu: VT")
        meta["noi_nhan"] = recipients
        meta["tags"] = r.sample(topic.tags, min(len(topic.tags), r.randint(1, 3)))
        if r.random() < 0.3:
            meta["trang_thai"] = r.choice(("Còn hiệu lực", "Đang thực hiện", "Đã hoàn thành"))
        if type_name in ("Kế hoạch", "Chương trình", "Chỉ thị", "Hướng dẫn", "Nghị quyết"):
            meta["nhiem_vu"] = [self._task(topic, year, month) for _ in range(r.randint(1, 4))]
        return meta

    def _task(self, topic: Topic, year: int, month: int) -> dict:
        r = self.rng
        due = min(month + r.randint(1, 6), 12)
        units = r.sample(UNITS, r.randint(1, 2))
        return {"noi_dung": f"Xây dựng kế hoạch thực hiện {r.choice(topic.goals)}",
                "don_vi": units if len(units) > 1 else units[0], "han": f"{due}/{year}"}

    # -- the body ------------------------------------------------------------

    def _body(self, issuer, type_name, topic, title, year, month, cites, tasks) -> str:
        r = self.rng
        mentions = list(cites)
        r.shuffle(mentions)
        first = mentions[0] if mentions else None
        opening = (f"Thực hiện {_cite_text(first)} về {first.subject}, " if first else "")
        opening += (f"{issuer.cited_as} ban hành {type_name.lower()} {title[0].lower() + title[1:]}"
                    f", cụ thể như sau:")
        blocks = [opening]
        headings = SECTIONS[type_name]
        words = 1250 if type_name != "Thông báo" else 800  # paragraphs overshoot: ~1,500 on average
        per_section = words // len(headings)
        pending = mentions[1:]
        seen = mentions[:1]  # cited in full already: later mentions may be short
        for index, heading in enumerate(headings):
            blocks.append(f"## {ROMAN[index]}. {heading}")
            last = index == len(headings) - 1
            count = 0
            number = 1
            while count < per_section:
                if last and number <= len(tasks):
                    para = self._task_paragraph(type_name, tasks[number - 1])
                else:
                    para = self._paragraph(topic, pending, seen)
                blocks.append(f"**{number}.** {para}")
                count += len(para.split())
                number += 1
        blocks.append(f"Trên đây là {type_name} {title[0].lower() + title[1:]}. {issuer.cited_as} đề nghị "
                      f"các cấp ủy, tổ chức đảng, cơ quan, đơn vị tập trung triển khai thực hiện đạt kết quả.")
        return "\n\n".join(blocks)

    def _paragraph(self, topic: Topic, pending: list[Ref], seen: list[Ref]) -> str:
        r = self.rng
        sentences = []
        roll = r.random()
        if pending and roll < 0.6:
            cite = pending.pop()
            seen.append(cite)
            sentences.append(f"Tiếp tục triển khai, thực hiện tốt {_cite_text(cite, r)} về {cite.subject}, "
                             f"{r.choice(TAILS)}.")
        elif seen and roll < 0.75:  # a later mention: type and number only
            cite = r.choice(seen)
            sentences.append(f"Quán triệt {cite.type} số {cite.number}, {r.choice(TAILS)}.")
        if sentences and r.random() < 0.2:
            sentences.append(f"Trong đó chú trọng {r.choice(NAMED)}.")
        for _ in range(r.randint(2, 4)):
            sentences.append(f"{r.choice(ACTORS)} {r.choice(VERBS)} {topic.subject}, trọng tâm là "
                             f"{r.choice(topic.goals)}, {r.choice(TAILS)}.")
        sentences.extend(r.sample(FILLERS, r.randint(0, 2)))
        if r.random() < 0.3:
            sentences.append(self._figures())
        return " ".join(sentences)

    def _figures(self) -> str:
        """Figures, as reports give them: numbers make a search index realistic."""
        r = self.rng
        return (f"Trong kỳ đã tổ chức {r.randint(2, 60)} hội nghị với {r.randint(100, 9000):,} lượt người tham dự".replace(",", ".")
                + f"; {r.randint(60, 100)}% tổ chức cơ sở đảng xây dựng kế hoạch thực hiện; "
                f"{r.randint(1, 40)} mô hình “{r.choice(MODELS)}” được công nhận.")

    def _task_paragraph(self, type_name: str, task: dict) -> str:
        units = task["don_vi"] if isinstance(task["don_vi"], list) else [task["don_vi"]]
        who = " và ".join(units)
        if who.startswith("Các "):
            who = "c" + who[1:]
        return (f"Căn cứ {type_name} này, {who} {task['noi_dung'][0].lower() + task['noi_dung'][1:]}. "
                f"*Hoàn thành trong tháng {task['han']}.*")


def _before(date: str, year: int, month: int) -> bool:
    _, m, y = (int(part) for part in date.split("/"))
    return (y, m) <= (year, month)


def _cite_text(ref: Ref, rng: random.Random | None = None) -> str:
    """A first, full citation as Party texts write it; with a generator, in varied forms."""
    if ref.date is None:
        return f"{ref.type} số {ref.number} của {ref.body}"
    if rng is not None and rng.random() < 0.2:
        d, m, y = ref.date.split("/")
        return f"{ref.type} số {ref.number} ngày {int(d):02d} tháng {int(m):02d} năm {y} của {ref.body}"
    return f"{ref.type} số {ref.number}, ngày {ref.date} của {ref.body}"


def _slug(number: str) -> str:
    """The file name the site would give the number (vanban.text.slug names the same backend)."""
    return slugify(number, backend="text-unidecode")


def _dump(meta: dict) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(meta, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10_000)


def _years(n: int, rng: random.Random) -> list[int]:
    """Years for n documents, rising over time, in order: citations look backwards."""
    weights = [1 + (y - YEARS.start) * 0.1 for y in YEARS]
    return sorted(rng.choices(list(YEARS), weights=weights, k=n))


def generate(n: int, out_dir: Path, seed: int = 0) -> list[Path]:
    """Write n documents under out_dir (a plans/ folder): out_dir/<year>/<slug>.md."""
    out_dir = Path(out_dir)
    gen = _Generator(seed, n)
    paths = []
    for year in _years(n, gen.rng):
        meta, body, ref = gen.document(year)
        gen.refs.append(ref)
        path = out_dir / str(year) / f"{_slug(ref.number)}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{_dump(meta)}---\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Sinh N văn bản mẫu theo bố cục plans/<năm>/<số-hiệu>.md.")
    parser.add_argument("n", type=int, help="số văn bản")
    parser.add_argument("out_dir", type=Path, help="thư mục đóng vai plans/")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    paths = generate(args.n, args.out_dir, args.seed)
    print(f"{len(paths)} văn bản trong {args.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
