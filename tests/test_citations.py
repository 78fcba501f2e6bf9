"""The citation parser against a table of cases: every variant and every
negative kind of CITATIONS.md §3-§4, each with the exact expected dicts."""

from __future__ import annotations

import unicodedata

import pytest

from vanban.citations.parser import Citation, find_citations


def case(case_id: str, text: str, expected: list[dict]):
    return pytest.param(text, expected, id=case_id)


CASES = [
    case('party-full', "Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về đột phá",
         [
             {'type': 'Nghị quyết', 'number': '57-NQ/TW', 'issuer': 'TW', 'date': '2024-12-22', 'body': 'Bộ Chính trị', 'start': 0, 'end': 22},  # 'Nghị quyết số 57-NQ/TW'
         ]),
    case('party-quy-dinh-qd', "Quy định số 35-QĐ/TU, ngày 20/9/2019 của Ban Thường vụ Tỉnh ủy",
         [
             {'type': 'Quy định', 'number': '35-QĐ/TU', 'issuer': 'TU', 'date': '2019-09-20', 'body': 'Ban Thường vụ Tỉnh ủy', 'start': 0, 'end': 20},  # 'Quy định số 35-QĐ/TU'
         ]),
    case('party-quy-dinh-qdi', "Quy định số 08-QĐi/TW",
         [
             {'type': 'Quy định', 'number': '08-QĐi/TW', 'issuer': 'TW', 'date': None, 'body': None, 'start': 0, 'end': 21},  # 'Quy định số 08-QĐi/TW'
         ]),
    case('party-thong-tri', "Thông tri số 05-TT/TW",
         [
             {'type': 'Thông tri', 'number': '05-TT/TW', 'issuer': 'TW', 'date': None, 'body': None, 'start': 0, 'end': 21},  # 'Thông tri số 05-TT/TW'
         ]),
    case('party-older-order', "Quyết định của Bộ Chính trị số 31-QĐ/TW, ngày 01-10-1997 về việc",
         [
             {'type': 'Quyết định', 'number': '31-QĐ/TW', 'issuer': 'TW', 'date': '1997-10-01', 'body': 'Bộ Chính trị', 'start': 0, 'end': 39},  # 'Quyết định của Bộ Chính trị số 31-QĐ/TW'
         ]),
    case('party-date-in-parentheses-joint-body', "Kết luận số 160-KL/TW (ngày 31/5/2025) của Bộ Chính trị, Ban Bí thư về",
         [
             {'type': 'Kết luận', 'number': '160-KL/TW', 'issuer': 'TW', 'date': '2025-05-31', 'body': 'Bộ Chính trị, Ban Bí thư', 'start': 0, 'end': 21},  # 'Kết luận số 160-KL/TW'
         ]),
    case('party-comma-after-date', "Quyết định số 3917-QĐ/ĐUK, ngày 20 tháng 3 năm 2020, của Ban Thường vụ Đảng ủy Khối",
         [
             {'type': 'Quyết định', 'number': '3917-QĐ/ĐUK', 'issuer': 'ĐUK', 'date': '2020-03-20', 'body': 'Ban Thường vụ Đảng ủy Khối', 'start': 0, 'end': 25},  # 'Quyết định số 3917-QĐ/ĐUK'
         ]),
    case('party-without-so', "Chương trình hành động 36-CTr/TU",
         [
             {'type': 'Chương trình', 'number': '36-CTr/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 0, 'end': 32},  # 'Chương trình hành động 36-CTr/TU'
         ]),
    case('party-cong-van', "Căn cứ Công văn số 3398-CV/BTGTU, ngày 10/3/2023 của Ban Tuyên giáo Tỉnh ủy,",
         [
             {'type': 'Công văn', 'number': '3398-CV/BTGTU', 'issuer': 'BTGTU', 'date': '2023-03-10', 'body': 'Ban Tuyên giáo Tỉnh ủy', 'start': 7, 'end': 32},  # 'Công văn số 3398-CV/BTGTU'
         ]),
    case('party-thong-bao-ket-luan', "Theo Thông báo kết luận số 12-TB/TU",
         [
             {'type': 'Thông báo', 'number': '12-TB/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 5, 'end': 35},  # 'Thông báo kết luận số 12-TB/TU'
         ]),
    case('party-issuer-2025', "Hướng dẫn số 03-HD/BTGDVTU",
         [
             {'type': 'Hướng dẫn', 'number': '03-HD/BTGDVTU', 'issuer': 'BTGDVTU', 'date': None, 'body': None, 'start': 0, 'end': 26},  # 'Hướng dẫn số 03-HD/BTGDVTU'
         ]),
    case('party-no-type-word', "(114-KH/ĐUK)",
         [
             {'type': 'Kế hoạch', 'number': '114-KH/ĐUK', 'issuer': 'ĐUK', 'date': None, 'body': None, 'start': 1, 'end': 11},  # '114-KH/ĐUK'
         ]),
    case('party-body-place', "Kế hoạch số 114-KH/ĐUK ngày 20/4/2023 của Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre; sau đó",
         [
             {'type': 'Kế hoạch', 'number': '114-KH/ĐUK', 'issuer': 'ĐUK', 'date': '2023-04-20', 'body': 'Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre', 'start': 0, 'end': 22},  # 'Kế hoạch số 114-KH/ĐUK'
         ]),
    case('party-body-khoa', "Quyết định số 99-QĐ/TW ngày 30/5/2017 của Ban Bí thư Trung ương Đảng khóa XII",
         [
             {'type': 'Quyết định', 'number': '99-QĐ/TW', 'issuer': 'TW', 'date': '2017-05-30', 'body': 'Ban Bí thư Trung ương Đảng khóa XII', 'start': 0, 'end': 22},  # 'Quyết định số 99-QĐ/TW'
         ]),
    case('party-body-and-capital', "Chỉ thị số 06-CT/TU của Ban Tuyên giáo và Dân vận Tỉnh ủy về",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'start': 0, 'end': 19},  # 'Chỉ thị số 06-CT/TU'
         ]),
    case('party-body-and-lowercase', "Chỉ thị số 18-CT/TW của Ban Bí thư Trung ương Đảng và công tác góp ý",
         [
             {'type': 'Chỉ thị', 'number': '18-CT/TW', 'issuer': 'TW', 'date': None, 'body': 'Ban Bí thư Trung ương Đảng', 'start': 0, 'end': 19},  # 'Chỉ thị số 18-CT/TW'
         ]),
    case('party-body-abbreviation', "Chỉ thị số 06-CT/TU của BCT",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': 'BCT', 'start': 0, 'end': 19},  # 'Chỉ thị số 06-CT/TU'
         ]),
    case('party-body-lowercase-not-a-body', "Chỉ thị số 06-CT/TU của tỉnh",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 0, 'end': 19},  # 'Chỉ thị số 06-CT/TU'
         ]),
    case('party-body-quote-ends', "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về \"Đẩy mạnh học tập\"",
         [
             {'type': 'Chỉ thị', 'number': '05-CT/TW', 'issuer': 'TW', 'date': '2016-05-15', 'body': 'Bộ Chính trị', 'start': 0, 'end': 19},  # 'Chỉ thị số 05-CT/TW'
         ]),
    case('party-body-parenthesis-ends', "Chỉ thị số 06-CT/TU ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy Bến Tre (khóa XI)",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': '2021-05-06', 'body': 'Ban Thường vụ Tỉnh ủy Bến Tre', 'start': 0, 'end': 19},  # 'Chỉ thị số 06-CT/TU'
         ]),
    case('party-year-not-a-date', "Chỉ thị số 05-CT/TU năm 2021 của Tỉnh ủy",
         [
             {'type': 'Chỉ thị', 'number': '05-CT/TU', 'issuer': 'TU', 'date': None, 'body': 'Tỉnh ủy', 'start': 0, 'end': 19},  # 'Chỉ thị số 05-CT/TU'
         ]),
    case('party-month-not-a-date', "Chỉ thị số 05-CT/TU tháng 5/2021 của Tỉnh ủy",
         [
             {'type': 'Chỉ thị', 'number': '05-CT/TU', 'issuer': 'TU', 'date': None, 'body': 'Tỉnh ủy', 'start': 0, 'end': 19},  # 'Chỉ thị số 05-CT/TU'
         ]),
    case('party-impossible-date', "Quyết định số 1286/QĐ-UBND ngày 32/13/2023",
         [
             {'type': 'Quyết định', 'number': '1286/QĐ-UBND', 'issuer': 'UBND', 'date': None, 'body': None, 'start': 0, 'end': 26},  # 'Quyết định số 1286/QĐ-UBND'
         ]),
    case('date-long', "Chỉ thị số 06-CT/TU, ngày 06 tháng 5 năm 2021",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': '2021-05-06', 'body': None, 'start': 0, 'end': 19},  # 'Chỉ thị số 06-CT/TU'
         ]),
    case('date-slash', "Chỉ thị số 06-CT/TU, ngày 6/5/2021",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': '2021-05-06', 'body': None, 'start': 0, 'end': 19},  # 'Chỉ thị số 06-CT/TU'
         ]),
    case('date-hyphen', "Chỉ thị số 06-CT/TU, ngày 06-5-2021",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': '2021-05-06', 'body': None, 'start': 0, 'end': 19},  # 'Chỉ thị số 06-CT/TU'
         ]),
    case('date-dot', "Chỉ thị số 06-CT/TU, ngày 06.5.2021",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': '2021-05-06', 'body': None, 'start': 0, 'end': 19},  # 'Chỉ thị số 06-CT/TU'
         ]),
    case('date-parentheses-no-ngay', "Chỉ thị số 06-CT/TU (06/5/2021)",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': '2021-05-06', 'body': None, 'start': 0, 'end': 19},  # 'Chỉ thị số 06-CT/TU'
         ]),
    case('date-colon', "Chỉ thị số 06-CT/TU ngày: 06/5/2021",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': '2021-05-06', 'body': None, 'start': 0, 'end': 19},  # 'Chỉ thị số 06-CT/TU'
         ]),
    case('date-glued', "số82/2005/QĐ-UBND ngày06/5/2005",
         [
             {'type': 'Quyết định', 'number': '82/2005/QĐ-UBND', 'issuer': 'UBND', 'date': '2005-05-06', 'body': None, 'start': 0, 'end': 17},  # 'số82/2005/QĐ-UBND'
         ]),
    case('date-no-diacritics', "Chi thi so 06-CT/TU ngay 06 thang 5 nam 2021",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': '2021-05-06', 'body': None, 'start': 0, 'end': 19},  # 'Chi thi so 06-CT/TU'
         ]),
    case('state-normative', "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư",
         [
             {'type': 'Nghị định', 'number': '30/2020/NĐ-CP', 'issuer': 'CP', 'date': '2020-03-05', 'body': 'Chính phủ', 'start': 0, 'end': 26},  # 'Nghị định số 30/2020/NĐ-CP'
         ]),
    case('state-administrative', "Quyết định 1286/QĐ-UBND ngày 05 tháng 7 năm 2023 của Ủy ban nhân dân tỉnh Bến Tre",
         [
             {'type': 'Quyết định', 'number': '1286/QĐ-UBND', 'issuer': 'UBND', 'date': '2023-07-05', 'body': 'Ủy ban nhân dân tỉnh Bến Tre', 'start': 0, 'end': 23},  # 'Quyết định 1286/QĐ-UBND'
         ]),
    case('state-cong-van', "Công văn số 4912/UBND-NC của UBND tỉnh",
         [
             {'type': 'Công văn', 'number': '4912/UBND-NC', 'issuer': 'UBND-NC', 'date': None, 'body': 'UBND tỉnh', 'start': 0, 'end': 24},  # 'Công văn số 4912/UBND-NC'
         ]),
    case('state-van-ban', "văn bản số 4912/UBND-NC",
         [
             {'type': 'Công văn', 'number': '4912/UBND-NC', 'issuer': 'UBND-NC', 'date': None, 'body': None, 'start': 0, 'end': 23},  # 'văn bản số 4912/UBND-NC'
         ]),
    case('state-law', "Luật số 59/2020/QH14",
         [
             {'type': 'Luật', 'number': '59/2020/QH14', 'issuer': 'QH14', 'date': None, 'body': None, 'start': 0, 'end': 20},  # 'Luật số 59/2020/QH14'
         ]),
    case('state-law-title', "Luật Cán bộ, công chức số 80/2025/QH15",
         [
             {'type': 'Luật', 'number': '80/2025/QH15', 'issuer': 'QH15', 'date': None, 'body': None, 'start': 0, 'end': 38},  # 'Luật Cán bộ, công chức số 80/2025/QH15'
         ]),
    case('state-code-title', "Bộ luật Lao động số 45/2019/QH14",
         [
             {'type': 'Bộ luật', 'number': '45/2019/QH14', 'issuer': 'QH14', 'date': None, 'body': None, 'start': 0, 'end': 32},  # 'Bộ luật Lao động số 45/2019/QH14'
         ]),
    case('state-ubtvqh', "Nghị quyết số 1211/2016/UBTVQH13",
         [
             {'type': 'Nghị quyết', 'number': '1211/2016/UBTVQH13', 'issuer': 'UBTVQH13', 'date': None, 'body': None, 'start': 0, 'end': 32},  # 'Nghị quyết số 1211/2016/UBTVQH13'
         ]),
    case('state-ubtvqh-no-word', "theo 351/2017/UBTVQH14",
         [
             {'type': 'Nghị quyết', 'number': '351/2017/UBTVQH14', 'issuer': 'UBTVQH14', 'date': None, 'body': None, 'start': 5, 'end': 22},  # '351/2017/UBTVQH14'
         ]),
    case('state-law-no-word', "theo 59/2020/QH14",
         [
             {'type': 'Luật', 'number': '59/2020/QH14', 'issuer': 'QH14', 'date': None, 'body': None, 'start': 5, 'end': 17},  # '59/2020/QH14'
         ]),
    case('state-thong-tu', "Thông tư số 01/2011/TT-BNV",
         [
             {'type': 'Thông tư', 'number': '01/2011/TT-BNV', 'issuer': 'BNV', 'date': None, 'body': None, 'start': 0, 'end': 26},  # 'Thông tư số 01/2011/TT-BNV'
         ]),
    case('state-ttlt', "Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP",
         [
             {'type': 'Thông tư liên tịch', 'number': '55/2005/TTLT-BNV-VPCP', 'issuer': 'BNV-VPCP', 'date': None, 'body': None, 'start': 0, 'end': 43},  # 'Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP'
         ]),
    case('state-dotted', "Nghị quyết 66.25/2026/NQ-CP",
         [
             {'type': 'Nghị quyết', 'number': '66.25/2026/NQ-CP', 'issuer': 'CP', 'date': None, 'body': None, 'start': 0, 'end': 27},  # 'Nghị quyết 66.25/2026/NQ-CP'
         ]),
    case('state-ttg', "Quyết định 1493/QĐ-TTg ngày 1/9/2020 của Thủ tướng Chính phủ,",
         [
             {'type': 'Quyết định', 'number': '1493/QĐ-TTg', 'issuer': 'TTg', 'date': '2020-09-01', 'body': 'Thủ tướng Chính phủ', 'start': 0, 'end': 22},  # 'Quyết định 1493/QĐ-TTg'
         ]),
    case('state-bct', "Quyết định số 281/QĐ-BCT",
         [
             {'type': 'Quyết định', 'number': '281/QĐ-BCT', 'issuer': 'BCT', 'date': None, 'body': None, 'start': 0, 'end': 24},  # 'Quyết định số 281/QĐ-BCT'
         ]),
    case('state-contract', "Hợp đồng số 12/2020/HĐ-UBND",
         [
             {'type': 'Hợp đồng', 'number': '12/2020/HĐ-UBND', 'issuer': 'UBND', 'date': None, 'body': None, 'start': 0, 'end': 27},  # 'Hợp đồng số 12/2020/HĐ-UBND'
         ]),
    case('state-dash-not-a-group', "Quyết định số 1286/QĐ-UBND - Bến Tre",
         [
             {'type': 'Quyết định', 'number': '1286/QĐ-UBND', 'issuer': 'UBND', 'date': None, 'body': None, 'start': 0, 'end': 26},  # 'Quyết định số 1286/QĐ-UBND'
         ]),
    case('state-lowercase-with-word', "theo nghị định số 30/2020/nđ-cp",
         [
             {'type': 'Nghị định', 'number': '30/2020/NĐ-CP', 'issuer': 'CP', 'date': None, 'body': None, 'start': 5, 'end': 31},  # 'nghị định số 30/2020/nđ-cp'
         ]),
    case('list-shared-suffix', "Nghị quyết số 18, 19-NQ/TW của Ban Chấp hành Trung ương",
         [
             {'type': 'Nghị quyết', 'number': '18-NQ/TW', 'issuer': 'TW', 'date': None, 'body': 'Ban Chấp hành Trung ương', 'start': 0, 'end': 16},  # 'Nghị quyết số 18'
             {'type': 'Nghị quyết', 'number': '19-NQ/TW', 'issuer': 'TW', 'date': None, 'body': 'Ban Chấp hành Trung ương', 'start': 18, 'end': 26},  # '19-NQ/TW'
         ]),
    case('list-cac-va', "các Chỉ thị số 06-CT/TU và 08-CT/TU của Ban Thường vụ Tỉnh ủy",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': 'Ban Thường vụ Tỉnh ủy', 'start': 4, 'end': 23},  # 'Chỉ thị số 06-CT/TU'
             {'type': 'Chỉ thị', 'number': '08-CT/TU', 'issuer': 'TU', 'date': None, 'body': 'Ban Thường vụ Tỉnh ủy', 'start': 27, 'end': 35},  # '08-CT/TU'
         ]),
    case('list-trailing-date-shared', "các Chỉ thị số 06-CT/TU và 08-CT/TU, ngày 06/5/2021",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': '2021-05-06', 'body': None, 'start': 4, 'end': 23},  # 'Chỉ thị số 06-CT/TU'
             {'type': 'Chỉ thị', 'number': '08-CT/TU', 'issuer': 'TU', 'date': '2021-05-06', 'body': None, 'start': 27, 'end': 35},  # '08-CT/TU'
         ]),
    case('list-own-dates', "Chỉ thị số 06-CT/TU, ngày 06/5/2021 và 08-CT/TU, ngày 23/9/2021 của Ban Thường vụ Tỉnh ủy",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': '2021-05-06', 'body': 'Ban Thường vụ Tỉnh ủy', 'start': 0, 'end': 19},  # 'Chỉ thị số 06-CT/TU'
             {'type': 'Chỉ thị', 'number': '08-CT/TU', 'issuer': 'TU', 'date': '2021-09-23', 'body': 'Ban Thường vụ Tỉnh ủy', 'start': 39, 'end': 47},  # '08-CT/TU'
         ]),
    case('list-no-so', "Chỉ thị 11, 26-CT/TU",
         [
             {'type': 'Chỉ thị', 'number': '11-CT/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 0, 'end': 10},  # 'Chỉ thị 11'
             {'type': 'Chỉ thị', 'number': '26-CT/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 12, 'end': 20},  # '26-CT/TU'
         ]),
    case('list-full-members', "Nghị quyết số 18-NQ/TW, 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng",
         [
             {'type': 'Nghị quyết', 'number': '18-NQ/TW', 'issuer': 'TW', 'date': '2017-10-25', 'body': 'Ban Chấp hành Trung ương Đảng', 'start': 0, 'end': 22},  # 'Nghị quyết số 18-NQ/TW'
             {'type': 'Nghị quyết', 'number': '19-NQ/TW', 'issuer': 'TW', 'date': '2017-10-25', 'body': 'Ban Chấp hành Trung ương Đảng', 'start': 24, 'end': 32},  # '19-NQ/TW'
         ]),
    case('list-so-each', "Nghị quyết số 19-NQ/HU và số 20-NQ/HU của Huyện ủy",
         [
             {'type': 'Nghị quyết', 'number': '19-NQ/HU', 'issuer': 'HU', 'date': None, 'body': 'Huyện ủy', 'start': 0, 'end': 22},  # 'Nghị quyết số 19-NQ/HU'
             {'type': 'Nghị quyết', 'number': '20-NQ/HU', 'issuer': 'HU', 'date': None, 'body': 'Huyện ủy', 'start': 26, 'end': 37},  # 'số 20-NQ/HU'
         ]),
    case('list-semicolon', "Quyết định số 12-QĐ/TU; 13-QĐ/TU",
         [
             {'type': 'Quyết định', 'number': '12-QĐ/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 0, 'end': 22},  # 'Quyết định số 12-QĐ/TU'
             {'type': 'Quyết định', 'number': '13-QĐ/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 24, 'end': 32},  # '13-QĐ/TU'
         ]),
    case('list-own-type-words', "Nghị quyết số 57-NQ/TW ngày 22/12/2024 và Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị",
         [
             {'type': 'Nghị quyết', 'number': '57-NQ/TW', 'issuer': 'TW', 'date': '2024-12-22', 'body': None, 'start': 0, 'end': 22},  # 'Nghị quyết số 57-NQ/TW'
             {'type': 'Nghị quyết', 'number': '68-NQ/TW', 'issuer': 'TW', 'date': '2025-05-04', 'body': 'Bộ Chính trị', 'start': 42, 'end': 64},  # 'Nghị quyết số 68-NQ/TW'
         ]),
    case('list-comma-own-type', "Theo Kế hoạch số 01-KH/TU, Kế hoạch số 02-KH/TU của Tỉnh ủy",
         [
             {'type': 'Kế hoạch', 'number': '01-KH/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 5, 'end': 25},  # 'Kế hoạch số 01-KH/TU'
             {'type': 'Kế hoạch', 'number': '02-KH/TU', 'issuer': 'TU', 'date': None, 'body': 'Tỉnh ủy', 'start': 27, 'end': 47},  # 'Kế hoạch số 02-KH/TU'
         ]),
    case('list-state', "Nghị định số 30/2020/NĐ-CP và 110/2004/NĐ-CP",
         [
             {'type': 'Nghị định', 'number': '30/2020/NĐ-CP', 'issuer': 'CP', 'date': None, 'body': None, 'start': 0, 'end': 26},  # 'Nghị định số 30/2020/NĐ-CP'
             {'type': 'Nghị định', 'number': '110/2004/NĐ-CP', 'issuer': 'CP', 'date': None, 'body': None, 'start': 30, 'end': 44},  # '110/2004/NĐ-CP'
         ]),
    case('list-unit-ends', "Chỉ thị số 06-CT/TU, 2 năm qua",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 0, 'end': 19},  # 'Chỉ thị số 06-CT/TU'
         ]),
    case('range', "từ số 20 đến số 24-TB/TU",
         [
             {'type': 'Thông báo', 'number': '20-TB/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 3, 'end': 8},  # 'số 20'
             {'type': 'Thông báo', 'number': '24-TB/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 13, 'end': 24},  # 'số 24-TB/TU'
         ]),
    case('range-type-word', "từ Thông báo số 20 đến số 24-TB/TU",
         [
             {'type': 'Thông báo', 'number': '20-TB/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 3, 'end': 18},  # 'Thông báo số 20'
             {'type': 'Thông báo', 'number': '24-TB/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 23, 'end': 34},  # 'số 24-TB/TU'
         ]),
    case('named-congress', "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
         [
             {'type': 'Nghị quyết', 'number': None, 'issuer': None, 'date': None, 'body': 'Đại hội đại biểu toàn quốc lần thứ XIII của Đảng', 'start': 0, 'end': 59},  # 'Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng'
         ]),
    case('named-congress-short', "thực hiện Nghị quyết Đại hội XIII,",
         [
             {'type': 'Nghị quyết', 'number': None, 'issuer': None, 'date': None, 'body': 'Đại hội XIII', 'start': 10, 'end': 33},  # 'Nghị quyết Đại hội XIII'
         ]),
    case('named-party-congress', "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII, nhiệm kỳ 2021 - 2026",
         [
             {'type': 'Nghị quyết', 'number': None, 'issuer': None, 'date': None, 'body': 'Đại hội Đảng toàn quốc lần thứ XIII', 'start': 0, 'end': 46},  # 'Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII'
         ]),
    case('named-provincial', "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI gắn với",
         [
             {'type': 'Nghị quyết', 'number': None, 'issuer': None, 'date': None, 'body': 'Đại hội đại biểu Đảng bộ tỉnh lần thứ XI', 'start': 0, 'end': 51},  # 'Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI'
         ]),
    case('named-plenum', "Nghị quyết Trung ương 4 khóa XII",
         [
             {'type': 'Nghị quyết', 'number': None, 'issuer': None, 'date': None, 'body': 'Trung ương 4 khóa XII', 'start': 0, 'end': 32},  # 'Nghị quyết Trung ương 4 khóa XII'
         ]),
    case('named-plenum-hoi-nghi', "Nghị quyết Hội nghị Trung ương 4 khoá XII",
         [
             {'type': 'Nghị quyết', 'number': None, 'issuer': None, 'date': None, 'body': 'Hội nghị Trung ương 4 khóa XII', 'start': 0, 'end': 41},  # 'Nghị quyết Hội nghị Trung ương 4 khoá XII'
         ]),
    case('named-plenum-long', "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khoá XII",
         [
             {'type': 'Nghị quyết', 'number': None, 'issuer': None, 'date': None, 'body': 'Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII', 'start': 0, 'end': 69},  # 'Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khoá XII'
         ]),
    case('named-law', "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
         [
             {'type': 'Luật', 'number': None, 'issuer': None, 'date': '2015-06-19', 'body': None, 'start': 0, 'end': 35},  # 'Luật Tổ chức chính quyền địa phương'
         ]),
    case('named-code', "Bộ luật Dân sự ngày 24/11/2015",
         [
             {'type': 'Bộ luật', 'number': None, 'issuer': None, 'date': '2015-11-24', 'body': None, 'start': 0, 'end': 14},  # 'Bộ luật Dân sự'
         ]),
    case('partial-date', "Chỉ thị 06, ngày 06/5/2021 của Ban Thường vụ",
         [
             {'type': 'Chỉ thị', 'number': '06', 'issuer': None, 'date': '2021-05-06', 'body': 'Ban Thường vụ', 'start': 0, 'end': 10},  # 'Chỉ thị 06'
         ]),
    case('partial-body', "Nghị quyết 57 của Bộ Chính trị",
         [
             {'type': 'Nghị quyết', 'number': '57', 'issuer': None, 'date': None, 'body': 'Bộ Chính trị', 'start': 0, 'end': 13},  # 'Nghị quyết 57'
         ]),
    case('partial-so', "Công văn số 114 ngày 05/3/2020",
         [
             {'type': 'Công văn', 'number': '114', 'issuer': None, 'date': '2020-03-05', 'body': None, 'start': 0, 'end': 15},  # 'Công văn số 114'
         ]),
    case('partial-list', "Chỉ thị 11 và 26 của Tỉnh ủy",
         [
             {'type': 'Chỉ thị', 'number': '11', 'issuer': None, 'date': None, 'body': 'Tỉnh ủy', 'start': 0, 'end': 10},  # 'Chỉ thị 11'
             {'type': 'Chỉ thị', 'number': '26', 'issuer': None, 'date': None, 'body': 'Tỉnh ủy', 'start': 14, 'end': 16},  # '26'
         ]),
    case('partial-no-anchor', "Chỉ thị 06 về việc",
         []),
    case('partial-unit', "Kế hoạch 5 năm của Tỉnh ủy",
         []),
    case('partial-unit-km', "Chỉ thị 15 km về",
         []),
    case('partial-no-type', "số 57 của Bộ Chính trị",
         []),
    case('spaces-around-separators', "Chỉ thị số 06 - CT / TU",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 0, 'end': 23},  # 'Chỉ thị số 06 - CT / TU'
         ]),
    case('spaced-state', "Quyết định số: 1206 /QĐ-HVTC",
         [
             {'type': 'Quyết định', 'number': '1206/QĐ-HVTC', 'issuer': 'HVTC', 'date': None, 'body': None, 'start': 0, 'end': 28},  # 'Quyết định số: 1206 /QĐ-HVTC'
         ]),
    case('spaced-party-issuer-unit', "Quyết định số 367 - QĐ/TWĐTN-VP",
         [
             {'type': 'Quyết định', 'number': '367-QĐ/TWĐTN-VP', 'issuer': 'TWĐTN-VP', 'date': None, 'body': None, 'start': 0, 'end': 31},  # 'Quyết định số 367 - QĐ/TWĐTN-VP'
         ]),
    case('en-dash', "Nghị quyết 22 – NQ/TW",
         [
             {'type': 'Nghị quyết', 'number': '22-NQ/TW', 'issuer': 'TW', 'date': None, 'body': None, 'start': 0, 'end': 21},  # 'Nghị quyết 22 – NQ/TW'
         ]),
    case('non-breaking-hyphen', "Nghị quyết số 11\u2011NQ/TW",
         [
             {'type': 'Nghị quyết', 'number': '11-NQ/TW', 'issuer': 'TW', 'date': None, 'body': None, 'start': 0, 'end': 22},  # 'Nghị quyết số 11‑NQ/TW'
         ]),
    case('minus-and-division-slash', "Chỉ thị số 06\u2212CT\u2215TU",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 0, 'end': 19},  # 'Chỉ thị số 06−CT∕TU'
         ]),
    case('missing-hyphen', "công văn số 858CV/ĐUK",
         [
             {'type': 'Công văn', 'number': '858-CV/ĐUK', 'issuer': 'ĐUK', 'date': None, 'body': None, 'start': 0, 'end': 21},  # 'công văn số 858CV/ĐUK'
         ]),
    case('missing-hyphen-space', "Quyết định số 84 QĐ/TWĐTN",
         [
             {'type': 'Quyết định', 'number': '84-QĐ/TWĐTN', 'issuer': 'TWĐTN', 'date': None, 'body': None, 'start': 0, 'end': 25},  # 'Quyết định số 84 QĐ/TWĐTN'
         ]),
    case('hyphen-for-slash', "Nghị Quyết số 72-NQ-TW",
         [
             {'type': 'Nghị quyết', 'number': '72-NQ/TW', 'issuer': 'TW', 'date': None, 'body': None, 'start': 0, 'end': 22},  # 'Nghị Quyết số 72-NQ-TW'
         ]),
    case('party-in-state-shape', "Chỉ thị số 22/CT-TW ngày 23/01/2018 của Ban Bí thư",
         [
             {'type': 'Chỉ thị', 'number': '22-CT/TW', 'issuer': 'TW', 'date': '2018-01-23', 'body': 'Ban Bí thư', 'start': 0, 'end': 19},  # 'Chỉ thị số 22/CT-TW'
         ]),
    case('party-in-state-shape-quy-dinh', "Quy định 69/QĐ-TW",
         [
             {'type': 'Quy định', 'number': '69-QĐ/TW', 'issuer': 'TW', 'date': None, 'body': None, 'start': 0, 'end': 17},  # 'Quy định 69/QĐ-TW'
         ]),
    case('party-in-state-shape-vptw', "Quy định 39/QĐ-VPTW",
         [
             {'type': 'Quy định', 'number': '39-QĐ/VPTW', 'issuer': 'VPTW', 'date': None, 'body': None, 'start': 0, 'end': 19},  # 'Quy định 39/QĐ-VPTW'
         ]),
    case('party-in-state-shape-header-style', "Nghị quyết số 01/NQ-ĐUK",
         [
             {'type': 'Nghị quyết', 'number': '01-NQ/ĐUK', 'issuer': 'ĐUK', 'date': None, 'body': None, 'start': 0, 'end': 23},  # 'Nghị quyết số 01/NQ-ĐUK'
         ]),
    case('lost-d-state', "Nghị định 30/2020/ND-CP",
         [
             {'type': 'Nghị định', 'number': '30/2020/NĐ-CP', 'issuer': 'CP', 'date': None, 'body': None, 'start': 0, 'end': 23},  # 'Nghị định 30/2020/ND-CP'
         ]),
    case('lost-d-party', "Quyết định số 12-QD/DUK",
         [
             {'type': 'Quyết định', 'number': '12-QĐ/ĐUK', 'issuer': 'ĐUK', 'date': None, 'body': None, 'start': 0, 'end': 23},  # 'Quyết định số 12-QD/DUK'
         ]),
    case('lost-d-hdnd', "Nghị quyết số 05/2019/NQ-HDND",
         [
             {'type': 'Nghị quyết', 'number': '05/2019/NQ-HĐND', 'issuer': 'HĐND', 'date': None, 'body': None, 'start': 0, 'end': 29},  # 'Nghị quyết số 05/2019/NQ-HDND'
         ]),
    case('nfd-input', unicodedata.normalize("NFD", "Ở Bến Tre, Chỉ thị số 06-CT/TU của Ban Thường vụ Tỉnh uỷ về"),
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': 'Ban Thường vụ Tỉnh ủy', 'start': 15, 'end': 38},  # 'Chỉ thị số 06-CT/TU'
         ]),
    case('old-tone-placement', "Quy chế số 09-QC/ĐUK, ngày 25/11/2022 của Ban Thường vụ Đảng uỷ Khối về",
         [
             {'type': 'Quy chế', 'number': '09-QC/ĐUK', 'issuer': 'ĐUK', 'date': '2022-11-25', 'body': 'Ban Thường vụ Đảng ủy Khối', 'start': 0, 'end': 20},  # 'Quy chế số 09-QC/ĐUK'
         ]),
    case('old-tone-hoa', "Nghị quyết Trung ương 5 khoá XII",
         [
             {'type': 'Nghị quyết', 'number': None, 'issuer': None, 'date': None, 'body': 'Trung ương 5 khóa XII', 'start': 0, 'end': 32},  # 'Nghị quyết Trung ương 5 khoá XII'
         ]),
    case('zero-width', "Chỉ thị số 06\u200b-CT/TU của Ban Thường vụ Tỉnh ủy",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': 'Ban Thường vụ Tỉnh ủy', 'start': 0, 'end': 20},  # 'Chỉ thị số 06\u200b-CT/TU'
         ]),
    case('bom-and-nbsp', "\ufeffChỉ\u00a0thị số\u00a006-CT/TU",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 1, 'end': 20},  # 'Chỉ\xa0thị số\xa006-CT/TU'
         ]),
    case('eth', "Quy chế số 09-QC/\u00d0UK",
         [
             {'type': 'Quy chế', 'number': '09-QC/ĐUK', 'issuer': 'ĐUK', 'date': None, 'body': None, 'start': 0, 'end': 20},  # 'Quy chế số 09-QC/ÐUK'
         ]),
    case('cyrillic-lookalikes', "Chỉ thị số 06-\u0421\u0422/\u0422U",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 0, 'end': 19},  # 'Chỉ thị số 06-СТ/ТU'
         ]),
    case('case-lower-codes', "Nghi Quyet So 15- Nq/tw",
         [
             {'type': 'Nghị quyết', 'number': '15-NQ/TW', 'issuer': 'TW', 'date': None, 'body': None, 'start': 0, 'end': 23},  # 'Nghi Quyet So 15- Nq/tw'
         ]),
    case('case-ctr', "Chương trình số 05-Ctr/ĐUK",
         [
             {'type': 'Chương trình', 'number': '05-CTr/ĐUK', 'issuer': 'ĐUK', 'date': None, 'body': None, 'start': 0, 'end': 26},  # 'Chương trình số 05-Ctr/ĐUK'
         ]),
    case('case-upper-type-word', "CHỈ THỊ SỐ 06-CT/TU",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 0, 'end': 19},  # 'CHỈ THỊ SỐ 06-CT/TU'
         ]),
    case('abbreviation-ctr', "CTr 39-CTr/TU",
         [
             {'type': 'Chương trình', 'number': '39-CTr/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 0, 'end': 13},  # 'CTr 39-CTr/TU'
         ]),
    case('abbreviation-kh', "KH 200/KH-UBND",
         [
             {'type': 'Kế hoạch', 'number': '200/KH-UBND', 'issuer': 'UBND', 'date': None, 'body': None, 'start': 0, 'end': 14},  # 'KH 200/KH-UBND'
         ]),
    case('abbreviation-cv', "CV 5973/UBND-KT",
         [
             {'type': 'Công văn', 'number': '5973/UBND-KT', 'issuer': 'UBND-KT', 'date': None, 'body': None, 'start': 0, 'end': 15},  # 'CV 5973/UBND-KT'
         ]),
    case('abbreviation-qd', "QĐ 1493/QĐ-TTg",
         [
             {'type': 'Quyết định', 'number': '1493/QĐ-TTg', 'issuer': 'TTg', 'date': None, 'body': None, 'start': 0, 'end': 14},  # 'QĐ 1493/QĐ-TTg'
         ]),
    case('abbreviation-nd', "NĐ 30/2020/NĐ-CP",
         [
             {'type': 'Nghị định', 'number': '30/2020/NĐ-CP', 'issuer': 'CP', 'date': None, 'body': None, 'start': 0, 'end': 16},  # 'NĐ 30/2020/NĐ-CP'
         ]),
    case('word-and-code-disagree', "Kế hoạch số 65-Ctr/TU",
         [
             {'type': 'Chương trình', 'number': '65-CTr/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 0, 'end': 21},  # 'Kế hoạch số 65-Ctr/TU'
         ]),
    case('qyd-in-party-shape', "Quyết định số 04-QyĐ/ĐU",
         [
             {'type': 'Quy định', 'number': '04-QyĐ/ĐU', 'issuer': 'ĐU', 'date': None, 'body': None, 'start': 0, 'end': 23},  # 'Quyết định số 04-QyĐ/ĐU'
         ]),
    case('soft-line-break', "Chỉ thị số\n06-CT/TU",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 0, 'end': 19},  # 'Chỉ thị số\n06-CT/TU'
         ]),
    case('pinpoint-article', "Điều 5 Quyết định số 218-QĐ/TW",
         [
             {'type': 'Quyết định', 'number': '218-QĐ/TW', 'issuer': 'TW', 'date': None, 'body': None, 'start': 7, 'end': 30},  # 'Quyết định số 218-QĐ/TW'
         ]),
    case('md-bold-whole', "**Kế hoạch số 114-KH/ĐUK**",
         [
             {'type': 'Kế hoạch', 'number': '114-KH/ĐUK', 'issuer': 'ĐUK', 'date': None, 'body': None, 'start': 2, 'end': 24},  # 'Kế hoạch số 114-KH/ĐUK'
         ]),
    case('md-bold-type-word', "**Chỉ thị** số 06-CT/TU",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 2, 'end': 9},  # 'Chỉ thị'
         ]),
    case('md-italic-symbol', "Chỉ thị số *06-CT/TU*",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 0, 'end': 10},  # 'Chỉ thị số'
         ]),
    case('md-bold-body', "Chỉ thị số 06-CT/TU, ngày 06/5/2021 của **Ban Thường vụ** Tỉnh ủy",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': '2021-05-06', 'body': 'Ban Thường vụ Tỉnh ủy', 'start': 0, 'end': 19},  # 'Chỉ thị số 06-CT/TU'
         ]),
    case('md-list-items', "- Chỉ thị số 06-CT/TU\n- Chỉ thị số 08-CT/TU của Tỉnh ủy",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 2, 'end': 21},  # 'Chỉ thị số 06-CT/TU'
             {'type': 'Chỉ thị', 'number': '08-CT/TU', 'issuer': 'TU', 'date': None, 'body': 'Tỉnh ủy', 'start': 24, 'end': 43},  # 'Chỉ thị số 08-CT/TU'
         ]),
    case('md-table-cells', "| Chỉ thị số 06-CT/TU | 08-CT/TU |\n|---|---|\n| Tỉnh ủy | x |",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 2, 'end': 21},  # 'Chỉ thị số 06-CT/TU'
             {'type': 'Chỉ thị', 'number': '08-CT/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 24, 'end': 32},  # '08-CT/TU'
         ]),
    case('md-quote', "> Chỉ thị số 05-CT/TW\n> của Bộ Chính trị",
         [
             {'type': 'Chỉ thị', 'number': '05-CT/TW', 'issuer': 'TW', 'date': None, 'body': 'Bộ Chính trị', 'start': 2, 'end': 21},  # 'Chỉ thị số 05-CT/TW'
         ]),
    case('md-heading', "## Thực hiện Chỉ thị số 05-CT/TW\ncủa Bộ Chính trị",
         [
             {'type': 'Chỉ thị', 'number': '05-CT/TW', 'issuer': 'TW', 'date': None, 'body': None, 'start': 13, 'end': 32},  # 'Chỉ thị số 05-CT/TW'
         ]),
    case('md-paragraph-break', "Chỉ thị số 05-CT/TW\n\ncủa Bộ Chính trị",
         [
             {'type': 'Chỉ thị', 'number': '05-CT/TW', 'issuer': 'TW', 'date': None, 'body': None, 'start': 0, 'end': 19},  # 'Chỉ thị số 05-CT/TW'
         ]),
    case('md-html-inline', "<b>Chỉ thị số 08-CT/TU</b>",
         [
             {'type': 'Chỉ thị', 'number': '08-CT/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 3, 'end': 22},  # 'Chỉ thị số 08-CT/TU'
         ]),
    case('md-front-matter', "---\nso_hieu: 114-KH/ĐUK\nthuc_hien: Chỉ thị số 06-CT/TU\n---\nTheo Chỉ thị số 08-CT/TU.",
         [
             {'type': 'Chỉ thị', 'number': '08-CT/TU', 'issuer': 'TU', 'date': None, 'body': None, 'start': 64, 'end': 83},  # 'Chỉ thị số 08-CT/TU'
         ]),
    case('neg-own-header', "Số 114-KH/ĐUK",
         []),
    case('neg-own-header-colon', "Số: 4912/UBND-NC",
         []),
    case('neg-own-header-after-heading', "ĐẢNG CỘNG SẢN VIỆT NAM\nSố 114 -KH/ĐUK\nBến Tre, ngày 20 tháng 4 năm 2023",
         []),
    case('neg-own-header-with-date', "Số 114-KH/ĐUK, ngày 20/4/2023",
         []),
    case('neg-signature-slashes', "T/M BAN THƯỜNG VỤ\nK/T BÍ THƯ\nT/L CHÁNH VĂN PHÒNG\nV/v tổ chức",
         []),
    case('neg-date', "ngày 06/5/2021",
         []),
    case('neg-date-long', "Bến Tre, ngày 20 tháng 4 năm 2023",
         []),
    case('neg-phone-account', "Điện thoại 0275.3822.123, tài khoản 1234567890, số điện thoại 0913-123-456",
         []),
    case('neg-plate-road', "biển số 71A-123.45, quốc lộ QL60, Covid-19",
         []),
    case('neg-article', "Điều 5",
         []),
    case('neg-article-clause', "khoản 2 Điều 5, điểm a",
         []),
    case('neg-years', "năm 2023, nhiệm kỳ 2020 - 2025, giai đoạn 2021-2025",
         []),
    case('neg-fractions-scores', "tỷ lệ 1/2 và 3/4, điểm 8/10, 24/7",
         []),
    case('neg-time', "lúc 14h30, từ 7 giờ 30",
         []),
    case('neg-money', "mức 50.000 đồng/người",
         []),
    case('neg-page-range', "tr. 5-10, trang 12/30",
         []),
    case('neg-standards', "TCVN 5574:2018 và ISO 9001:2015, QCVN 01:2021/BYT, TCVN ISO/IEC 17025:2017",
         []),
    case('neg-url', "https://vanban.example.vn/van-ban/114-kh-duk/",
         []),
    case('neg-www', "www.bentre.gov.vn/06-CT-TU",
         []),
    case('neg-email', "vp-duk@bentre.gov.vn",
         []),
    case('neg-site-path', "xem /van-ban/2023/114-kh-duk.md",
         []),
    case('neg-code-span', "`Chỉ thị số 06-CT/TU` trong mã",
         []),
    case('neg-code-block', "```\nChỉ thị số 06-CT/TU\n```",
         []),
    case('neg-tilde-block', "~~~text\nQuyết định số 218-QĐ/TW\n~~~",
         []),
    case('neg-existing-link', "[Chỉ thị số 06-CT/TU](../06-ct-tu.md) đã có liên kết",
         []),
    case('neg-link-target', "[văn bản](../2021/06-CT/TU.md)",
         []),
    case('neg-reference-link', "[Chỉ thị số 06-CT/TU][ct06]\n\n[ct06]: https://example.vn/06-CT/TU",
         []),
    case('neg-autolink', "<https://example.vn/Chi-thi-so-06-CT/TU>",
         []),
    case('neg-html-link', "<a href=\"x.md\">Chỉ thị số 06-CT/TU</a>",
         []),
    case('neg-html-comment', "<!-- Chỉ thị số 06-CT/TU -->",
         []),
    case('neg-bare-type-word', "Kế hoạch này",
         []),
    case('neg-lowercase-plural', "các nghị quyết, chỉ thị của Trung ương",
         []),
    case('neg-lowercase-congress', "nghị quyết đại hội đảng cấp cơ sở nhiệm kỳ 2020 - 2025",
         []),
    case('neg-lawyer', "Luật sư Nguyễn Văn A ngày 5/3/2021",
         []),
    case('neg-law-without-date', "Luật Đất đai năm 2024",
         []),
    case('neg-glued-symbol', "2021/KH-07",
         []),
    case('neg-lowercase-without-word', "theo 06-ct/tu và 30/2020/nđ-cp",
         []),
    case('neg-number-without-type', "Quyết định 12/2022 của Tỉnh ủy",
         []),
    case('neg-so-alone', "số 5/2021, Số 5 tháng, số lượng 12",
         []),
    case('neg-year-after-type', "Kế hoạch 2023",
         []),
    case('neg-unknown-code', "100 km/giờ, 3 m/s",
         []),
    case('neg-empty', "",
         []),
    case('state-hyphen-for-second-slash', "Quyết định số 82/2005-QĐ-UBND ngày 06/5/2005",
         [
             {'type': 'Quyết định', 'number': '82/2005/QĐ-UBND', 'issuer': 'UBND', 'date': '2005-05-06', 'body': None, 'start': 0, 'end': 29},  # 'Quyết định số 82/2005-QĐ-UBND'
         ]),
    case('neg-years-after-slash', "theo 5/2020-2025",
         []),
    case('party-letter-suffix', "Nghị quyết số 05a-NQ/TW",
         [
             {'type': 'Nghị quyết', 'number': '05a-NQ/TW', 'issuer': 'TW', 'date': None, 'body': None, 'start': 0, 'end': 23},  # 'Nghị quyết số 05a-NQ/TW'
         ]),
    case('state-letter-suffix', "Quyết định số 12a/QĐ-UBND",
         [
             {'type': 'Quyết định', 'number': '12a/QĐ-UBND', 'issuer': 'UBND', 'date': None, 'body': None, 'start': 0, 'end': 25},  # 'Quyết định số 12a/QĐ-UBND'
         ]),
    case('named-plenum-ordinal-word', "Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XI về",
         [
             {'type': 'Nghị quyết', 'number': None, 'issuer': None, 'date': None, 'body': 'Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XI', 'start': 0, 'end': 69},  # 'Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XI'
         ]),
    case('named-plenum-ordinal-number', "Nghị quyết Hội nghị Trung ương lần thứ 8 về",
         [
             {'type': 'Nghị quyết', 'number': None, 'issuer': None, 'date': None, 'body': 'Hội nghị Trung ương lần thứ 8', 'start': 0, 'end': 40},  # 'Nghị quyết Hội nghị Trung ương lần thứ 8'
         ]),
    case('named-congress-arabic', "Nghị quyết Đại hội đại biểu toàn quốc lần thứ 13",
         [
             {'type': 'Nghị quyết', 'number': None, 'issuer': None, 'date': None, 'body': 'Đại hội đại biểu toàn quốc lần thứ 13', 'start': 0, 'end': 48},  # 'Nghị quyết Đại hội đại biểu toàn quốc lần thứ 13'
         ]),
    case('named-congress-not-party-branch', "Nghị quyết Đại hội XIII của Đảng bộ",
         [
             {'type': 'Nghị quyết', 'number': None, 'issuer': None, 'date': None, 'body': 'Đại hội XIII', 'start': 0, 'end': 23},  # 'Nghị quyết Đại hội XIII'
         ]),
    case('body-vv-ends', "Chỉ thị số 06-CT/TU của Ban Thường vụ Tỉnh ủy V/v tổ chức",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': 'Ban Thường vụ Tỉnh ủy', 'start': 0, 'end': 19},  # 'Chỉ thị số 06-CT/TU'
         ]),
    case('case-qdi-upper', "Quy định số 08-QĐI/TW",
         [
             {'type': 'Quy định', 'number': '08-QĐi/TW', 'issuer': 'TW', 'date': None, 'body': None, 'start': 0, 'end': 21},  # 'Quy định số 08-QĐI/TW'
         ]),
    case('later-mention', "Nghị quyết 12-NQ/ĐU",
         [
             {'type': 'Nghị quyết', 'number': '12-NQ/ĐU', 'issuer': 'ĐU', 'date': None, 'body': None, 'start': 0, 'end': 19},  # 'Nghị quyết 12-NQ/ĐU'
         ]),
    case('body-ubnd-and-lowercase-verb', "Quyết định số 218-QĐ/TW của Bộ Chính trị quy định về việc",
         [
             {'type': 'Quyết định', 'number': '218-QĐ/TW', 'issuer': 'TW', 'date': None, 'body': 'Bộ Chính trị', 'start': 0, 'end': 23},  # 'Quyết định số 218-QĐ/TW'
         ]),
    case('body-joint-three', "Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng, Bộ Chính trị, Ban Bí thư về",
         [
             {'type': 'Kết luận', 'number': '21-KL/TW', 'issuer': 'TW', 'date': None, 'body': 'Ban Chấp hành Trung ương Đảng, Bộ Chính trị, Ban Bí thư', 'start': 0, 'end': 20},  # 'Kết luận số 21-KL/TW'
         ]),
    case('partial-year-is-not-a-unit', "Nghị quyết 57 năm 2024 của Bộ Chính trị",
         [
             {'type': 'Nghị quyết', 'number': '57', 'issuer': None, 'date': None, 'body': 'Bộ Chính trị', 'start': 0, 'end': 13},  # 'Nghị quyết 57'
         ]),
    case('body-and-type-word-ends', "Chỉ thị số 06-CT/TU của Tỉnh ủy và Kế hoạch này",
         [
             {'type': 'Chỉ thị', 'number': '06-CT/TU', 'issuer': 'TU', 'date': None, 'body': 'Tỉnh ủy', 'start': 0, 'end': 19},  # 'Chỉ thị số 06-CT/TU'
         ]),
]


@pytest.mark.parametrize("windows", [True, False], ids=["windows", "whole-text"])
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_citations_table(text, expected, windows):
    """Each case with the scan's windows (citations.scan) and with CITATION
    searched over the whole text: a shape the windows would skip fails here."""
    assert [c.as_dict() for c in find_citations(text, windows=windows)] == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_spans_never_hold_markdown_or_tails(text, expected):
    for cite in find_citations(text):
        span = text[cite.start:cite.end]
        assert span == span.strip()
        assert not any(marker in span for marker in ("*", "_", "`", "[", "]", "<", ">"))
        if cite.number is not None:  # only the older order "Quyết định của … số …" holds "của"
            assert "của" not in span or "số" in span.split("của", 1)[1]


def test_as_dict_has_the_documented_keys_in_order():
    cite = find_citations("Chỉ thị số 06-CT/TU")[0]
    assert isinstance(cite, Citation)
    assert list(cite.as_dict()) == ["type", "number", "issuer", "date", "body", "start", "end"]


def test_plain_text_mode_reads_markdown_characters_as_text():
    text = "Chỉ thị số 06-CT/TU `x` và [Quyết định số 218-QĐ/TW](a.md)"
    assert [c.number for c in find_citations(text, markdown=False)] == ["06-CT/TU", "218-QĐ/TW"]
    assert [c.number for c in find_citations(text)] == ["06-CT/TU"]


def test_plain_text_mode_still_skips_urls():
    assert find_citations("https://example.vn/06-CT/TU", markdown=False) == []


def test_nfd_offsets_point_into_the_original_string():
    text = unicodedata.normalize("NFD", "Thực hiện Chỉ thị số 06-CT/TU của Tỉnh uỷ.")
    (cite,) = find_citations(text)
    assert unicodedata.normalize("NFC", text[cite.start:cite.end]) == "Chỉ thị số 06-CT/TU"
    assert cite.body == "Tỉnh ủy"


# Inputs that made naive patterns scan the rest of the text from every "<",
# "`" or "[": each must come back at once, with the exact result.
ADVERSARIAL = [
    pytest.param("<a " * 20000, [], id="unclosed-tags"),
    pytest.param("<a>" * 5000 + "Chỉ thị số 06-CT/TU", ["06-CT/TU"], id="unclosed-links"),
    pytest.param("`a ``b ```c " * 3000 + "Chỉ thị số 06-CT/TU", ["06-CT/TU"], id="unpaired-backticks"),
    pytest.param("[x " * 20000 + "Chỉ thị số 06-CT/TU", ["06-CT/TU"], id="open-brackets"),
    pytest.param("số 1/" + "AB-" * 5000 + "/", [], id="long-symbol-chain"),
    pytest.param("Quyết định của " + "Bộ Chính trị " * 3000 + "số 5-QĐ/TW", ["05-QĐ/TW"], id="long-prebody"),
    pytest.param("Nghị quyết Đại hội " + "đại biểu " * 5000, [], id="long-congress-name"),
    pytest.param("<!-- " * 20000, [], id="unclosed-comments"),
]


@pytest.mark.parametrize(("text", "numbers"), ADVERSARIAL)
def test_adversarial_inputs(text, numbers):
    assert [c.number for c in find_citations(text)] == numbers


def test_the_cache_returns_equal_fresh_lists():
    first = find_citations("Chỉ thị số 06-CT/TU")
    first.clear()
    assert [c.number for c in find_citations("Chỉ thị số 06-CT/TU")] == ["06-CT/TU"]


def test_crlf_line_breaks_are_soft_breaks_and_blank_lines_still_end_a_paragraph():
    text = "Thực hiện Chỉ thị số\r\n06-CT/TU của Ban Thường vụ Tỉnh ủy.\r\n\r\nQuyết định số 218-QĐ/TW\r\n\r\ncủa Bộ Chính trị"
    found = [(text[c.start:c.end], c.body) for c in find_citations(text)]
    assert found == [("Chỉ thị số\r\n06-CT/TU", "Ban Thường vụ Tỉnh ủy"), ("Quyết định số 218-QĐ/TW", None)]


def test_primed_texts_give_the_same_citations(monkeypatch):
    """Primed.add parses in worker processes; find answers from what they found."""
    from vanban import forked
    from vanban.citations.priming import Primed

    texts = ["Thực hiện Chỉ thị số 06-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy.",
             "Theo Nghị định 30/2020/NĐ-CP và Kế hoạch 114-KH/ĐUK.", "Không dẫn chiếu gì."]
    expected = [find_citations(t) for t in texts]
    monkeypatch.setattr(forked, "AT_LEAST", 1)
    monkeypatch.setattr(forked.os, "cpu_count", lambda: 2)
    primed = Primed().add(texts)
    assert {text for text, _ in primed.found} == set(texts)
    assert [primed.find(t) for t in texts] == expected
    assert primed.parsed == 3  # in the workers, once; find answered from what they found
