"""Name pools for generated people, per nationality (ISO 3166 alpha-3), with the spellings that
records really carry: diacritics as written at home, and the transliterations and misspellings a
clerk, an interpreter or another agency would write instead.

Pools are deliberately modest in size (a few dozen names each, Vietnamese surnames fewer still,
as in life), so that different people share names and the resolution has to tell them apart by
date of birth, age, gender and nationality.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class NamePool:
    """The names of one nationality. ``middle`` names, if any, are put before the given name
    (Vietnamese "Văn", "Thị"); ``syllables``, if any, make most given names of two of them
    (Chinese "Zhiwei"); ``surname_roots`` and ``surname_endings``, if any, make most surnames of
    a root and an ending in the pattern of the language (Popescu, Gjonaj, Kowalczyk, Bradford),
    giving the long tail of rare surnames that real populations have; ``weight`` is the
    nationality's share of generated people."""

    nationality: str
    weight: float
    surnames: tuple[str, ...]
    male: tuple[str, ...]
    female: tuple[str, ...]
    middle_male: tuple[str, ...] = ()
    middle_female: tuple[str, ...] = ()
    syllables: tuple[str, ...] = ()
    surname_roots: tuple[str, ...] = ()
    surname_endings: tuple[str, ...] = ()


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(",") if name.strip())


POOLS: tuple[NamePool, ...] = (
    NamePool(
        "VNM", 0.16,
        _names("Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương,"
               "Lý, Trịnh, Đinh, Lâm, Mai, Tô, Cao, Lương, Tạ, Châu, Quách, Kiều, Đoàn"),
        _names("Hùng, Dũng, Tuấn, Minh, Long, Nam, Phong, Quân, Sơn, Thắng, Trung, Việt, Cường,"
               "Hải, Hiếu, Huy, Khánh, Kiên, Lâm, Lộc, Nghĩa, Phúc, Quang, Tài, Thành, Tiến, Toàn,"
               "Trí, Tú, Vinh, Bảo, Đạt, Đông, Giang, Hào, Hậu, Khoa, Linh, Mạnh, Nhân"),
        _names("Lan, Hương, Hoa, Mai, Linh, Ngọc, Thảo, Trang, Yến, Anh, Hà, Hạnh, Hằng, Hiền,"
               "Huyền, Loan, Ly, My, Nga, Nhung, Oanh, Phương, Quyên, Quỳnh, Tâm, Thanh, Thu,"
               "Thúy, Trâm, Tuyết, Vân, Vy, Xuân, Diệp, Dung, Giao, Hồng, Kim, Liên, Nhi"),
        _names("Văn, Đức, Minh, Quang, Hữu, Thanh, Công, Xuân"),
        _names("Thị, Ngọc, Thu, Thanh, Kim, Bích, Mỹ, Phương"),
    ),
    NamePool(
        "ALB", 0.14,
        _names("Hoxha, Shehu, Gashi, Krasniqi, Berisha, Kelmendi, Morina, Dervishi, Leka, Çela,"
               "Hysa, Kola, Marku, Mema, Prifti, Rama, Shala, Tahiri, Zeka, Bajrami, Basha, Dedja,"
               "Gjoka, Hasani, Islami, Kastrati, Lika, Muça, Nika, Osmani, Përmeti, Qosja, Rexha,"
               "Sinani, Toska, Xhafa, Ymeri, Zefi, Brahimi, Cani"),
        _names("Arben, Besnik, Dritan, Elton, Ergys, Fatmir, Gentian, Ilir, Klodian, Kristi,"
               "Luan, Mergim, Olsi, Petrit, Redon, Sokol, Taulant, Valon, Ardit, Bledar, Dorian,"
               "Endrit, Erion, Florian, Genci, Jetmir, Mentor, Orges, Rigers, Shkëlzen, Xhevdet,"
               "Agron, Blerim, Erald, Fation, Gëzim, Klajdi, Lorenc, Mikel, Qemal"),
        _names("Anila, Blerta, Drita, Elira, Fjolla, Gentiana, Jonida, Klea, Lindita, Mirela,"
               "Ornela, Rudina, Sara, Teuta, Valbona, Xhensila, Arjola, Besa, Dorina, Entela,"
               "Erjona, Flutura, Greta, Ilda, Joana, Kejsi, Lirie, Manjola, Nertila, Rea"),
        surname_roots=_names("Gjon, Lek, Ded, Pren, Nik, Gjergj, Kol, Zef, Pal, Tom, Mark, "
                             "Ndoc, Dod, Gjin, Hasan, Rrus, Bajram, Cak, Dush, Gjok, Llesh, "
                             "Mhill, Ujk, Vuk, Frok, Ces, Kuq, Bib, Ram, Bar"),
        surname_endings=_names("aj, i, ja, ollari, ani, aku, ushi"),
    ),
    NamePool(
        "NGA", 0.14,
        _names("Okafor, Adeyemi, Okonkwo, Eze, Nwosu, Obi, Okoro, Adebayo, Ogunleye, Afolabi,"
               "Chukwu, Ibrahim, Bello, Abubakar, Musa, Yusuf, Olawale, Oyelaran, Nnamdi, Onyeka,"
               "Ugwu, Ekwueme, Babatunde, Ogundipe, Akinola, Balogun, Danjuma, Emenike, Fashola,"
               "Igwe, Jaja, Kalu, Lawal, Mbah, Nwachukwu, Obiora, Okeke, Salami, Uche, Williams"),
        _names("Chinedu, Emeka, Oluwaseun, Babajide, Tunde, Ifeanyi, Chukwuemeka, Obinna,"
               "Ikechukwu, Segun, Kunle, Femi, Mohammed, Abdullahi, Ibrahim, Musa, Uchenna,"
               "Nnamdi, Kelechi, Tobenna, Adewale, Ayodele, Chidi, Damilare, Ebuka, Gbenga,"
               "Jide, Kayode, Olumide, Sunday, Tochukwu, Yakubu, Godwin, Peter, Samuel"),
        _names("Chioma, Ngozi, Adaeze, Funmilayo, Blessing, Precious, Aisha, Fatima, Amina,"
               "Chiamaka, Ifeoma, Nneka, Oluwakemi, Temitope, Yetunde, Zainab, Abimbola, Bukola,"
               "Chinwe, Ebere, Folake, Halima, Joy, Kemi, Nkechi, Omolara, Ronke, Uju, Grace,"
               "Esther"),
        surname_roots=_names("Ade, Olu, Oyel, Ogun, Aki, Ola, Oni, Ojo, Ako, Baba, Okon, Nwa, "
                             "Eze, Chukwu, Obi, Onye, Uche, Ike, Ada, Ibe, Ugo, Ama, Efe, Oke, "
                             "Aja"),
        surname_endings=_names("yemi, bayo, wale, tunde, kunle, dayo, sola, kanmi, dipe, kwo, "
                               "nna, dike, emeka, oma, chi"),
    ),
    NamePool(
        "ROU", 0.12,
        _names("Popescu, Ionescu, Popa, Constantin, Stan, Dumitru, Stoica, Gheorghe, Matei,"
               "Ciobanu, Rusu, Munteanu, Florea, Lupu, Toma, Ene, Barbu, Moldovan, Niculescu,"
               "Radu, Șerban, Tănase, Vasile, Zamfir, Dinu, Mocanu, Neagu, Oprea, Preda, Sârbu,"
               "Ursu, Voicu, Bălan, Căpraru, Dobre, Iordache, Mihai, Nistor, Pîrvu, Țurcanu"),
        _names("Andrei, Alexandru, Ionuț, Mihai, Cristian, Florin, Gheorghe, Marius, Adrian,"
               "Ștefan, Bogdan, Cătălin, Claudiu, Costel, Daniel, Dorin, Dragoș, Eugen, Gabriel,"
               "Iulian, Laurențiu, Liviu, Lucian, Nicolae, Ovidiu, Petru, Răzvan, Sorin, Tudor,"
               "Valentin, Vasile, Viorel, Costin, Emil, Fănel"),
        _names("Maria, Elena, Ioana, Andreea, Alexandra, Mihaela, Cristina, Gabriela, Ana,"
               "Florentina, Georgiana, Iuliana, Larisa, Loredana, Mădălina, Nicoleta, Oana, Raluca,"
               "Roxana, Simona, Ștefania, Teodora, Valentina, Violeta, Alina, Bianca, Camelia,"
               "Daniela, Denisa, Irina"),
        surname_roots=_names("Pop, Ion, Vasil, Dumitr, Stan, Rad, Mihail, Georg, Nicol, "
                             "Constantin, Petr, Marin, Andrei, Flor, Tudor, Dobr, Lup, Stoic, "
                             "Mocan, Negr, Ciob, Frunz, Iord, Pan, Bălan, Olt, Mureș"),
        surname_endings=_names("escu, eanu, aru, ică, oiu, ache"),
    ),
    NamePool(
        "SVK", 0.08,
        _names("Horváth, Kováč, Varga, Tóth, Nagy, Baláž, Szabó, Molnár, Balog, Lukáč, Novák,"
               "Kollár, Németh, Oravec, Polák, Čonka, Dudáš, Gábor, Hudák, Kotlár, Lacko, Mižigár,"
               "Ferko, Gunár, Pokuta, Rigo, Sivák, Šarköziová, Žiga, Bandy"),
        _names("Ján, Peter, Jozef, Martin, Michal, Tomáš, Marek, Lukáš, Milan, Ladislav, Štefan,"
               "Juraj, Miroslav, Dušan, Ľubomír, Róbert, Marián, Vladimír, Dominik, Matej,"
               "Patrik, Radovan, Rastislav, Roman, Stanislav, Vojtech, Zoltán, Karol, Igor, Emil"),
        _names("Mária, Anna, Zuzana, Katarína, Eva, Lucia, Jana, Martina, Monika, Veronika,"
               "Ivana, Simona, Petra, Alena, Andrea, Dana, Denisa, Gabriela, Helena, Ľudmila,"
               "Marcela, Miroslava, Nikola, Renáta, Silvia, Soňa, Tatiana, Viera, Žaneta, Erika"),
        surname_roots=_names("Horv, Kov, Varg, Tót, Nag, Bal, Szab, Moln, Luk, Nov, Koll, Ném, "
                             "Orav, Pol, Dud, Hud, Kotl, Lack, Ferk, Rig, Siv, Žig, Čon, Gáb, "
                             "Krajč, Mark, Šimk, Hor, Bart, Kráľ"),
        surname_endings=_names("ák, ík, ec, ovič, ár"),
    ),
    NamePool(
        "CHN", 0.08,
        _names("Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu,"
               "Guo, He, Lin, Gao, Luo, Zheng, Liang, Xie, Song, Tang, Han, Feng, Deng, Cao, Peng"),
        _names("Wei, Jun, Lei, Qiang, Yong, Jie, Tao, Ming, Chao, Hao, Bo, Peng, Hui, Gang,"
               "Jian, Long, Bin, Hua, Ping, Yang, Zhiwei, Jianhua, Xiaoming, Guoqiang, Haitao,"
               "Dongmei, Zhijun, Wenbin, Jianguo, Xin, Kai, Fei, Liang, Rui, Cheng"),
        _names("Fang, Li, Na, Min, Jing, Yan, Juan, Xiu, Mei, Ying, Hong, Xia, Lan, Qing, Hui,"
               "Yu, Ting, Xiaoyan, Xiaohong, Lili, Jingjing, Yanyan, Hua, Ping, Lei, Ling, Dan,"
               "Chun, Yun, Qian"),
        syllables=_names("wei, jun, li, ming, hua, jian, zhi, xiao, hong, yan, guo, hai, tao, lin,"
                         "feng, yu, qing, xin, jing, chun, dong, wen, hao, yong, mei, ling, na,"
                         "fang, ying, lan, jie, bo, kai, rui, yi, zi, han, xue, yun, qiang"),
    ),
    NamePool(
        "GBR", 0.12,
        _names("Smith, Jones, Williams, Taylor, Brown, Davies, Evans, Wilson, Thomas, Johnson,"
               "Roberts, Robinson, Thompson, Wright, Walker, White, Edwards, Hughes, Green, Hall,"
               "Lewis, Harris, Clarke, Patel, Jackson, Wood, Turner, Martin, Cooper, Hill, Ward,"
               "Morris, Moore, Clark, Lee, King, Baker, Harrison, Morgan, Allen, O'Brien,"
               "McDonald"),
        _names("Jack, Thomas, James, Joshua, Daniel, Harry, Samuel, Joseph, Matthew, Callum,"
               "Luke, William, Lewis, Oliver, Ryan, Benjamin, George, Liam, Jordan, Adam,"
               "Alexander, Jake, Connor, Cameron, Nathan, Kieran, Mohammed, Ethan, Scott, Bradley,"
               "Jamie, Michael, David, Christopher, Aaron"),
        _names("Emily, Chloe, Megan, Jessica, Emma, Lauren, Hannah, Sophie, Charlotte, Rebecca,"
               "Amy, Katie, Ellie, Bethany, Lucy, Olivia, Shannon, Holly, Laura, Georgia, Amber,"
               "Abigail, Jade, Courtney, Eleanor, Paige, Rachel, Natasha, Leah, Molly"),
        surname_roots=_names("Ash, Brad, Black, Crow, Fair, Green, Hard, Kings, Lang, Mid, New, "
                             "North, Shel, South, Ship, Stan, Thorn, Wal, West, Whit, Brom, "
                             "Carl, Dun, Haw, Pres"),
        surname_endings=_names("ley, ford, ton, field, wood, by, well, worth, ham, bury"),
    ),
    NamePool(
        "POL", 0.08,
        _names("Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński,"
               "Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Kwiatkowski,"
               "Krawczyk, Piotrowski, Grabowski, Nowakowski, Pawłowski, Michalski, Nowicki,"
               "Adamczyk, Dudek, Zając, Wieczorek, Jabłoński, Król, Majewski, Olszewski"),
        _names("Piotr, Krzysztof, Andrzej, Tomasz, Paweł, Jan, Michał, Marcin, Jakub, Adam,"
               "Łukasz, Grzegorz, Mateusz, Wojciech, Mariusz, Dariusz, Zbigniew, Rafał, Kamil,"
               "Sławomir, Marek, Robert, Jacek, Przemysław, Sebastian, Szymon, Bartosz, Dawid"),
        _names("Anna, Maria, Katarzyna, Małgorzata, Agnieszka, Barbara, Ewa, Krystyna,"
               "Magdalena, Elżbieta, Joanna, Aleksandra, Monika, Zofia, Teresa, Danuta, Natalia,"
               "Karolina, Marta, Beata, Dorota, Justyna, Paulina, Jolanta, Iwona, Grażyna"),
        surname_roots=_names("Kowal, Nowak, Wiśniew, Zieliń, Kamiń, Lewandow, Dąbrow, Kozłow, "
                             "Jankow, Mazur, Wojciech, Krawc, Piotrow, Grabow, Pawłow, Michal, "
                             "Król, Wieczor, Jabłoń, Majew, Olszew, Malin, Jawor, Adam, Dud, "
                             "Zając, Walcz, Sikor, Baran, Rutk, Szewc, Ostrow, Tomaszew, "
                             "Pietrz, Marcin, Wróbl, Zalew, Jasiń"),
        surname_endings=_names("ski, czyk, ak, ek"),
    ),
    NamePool(
        "ERI", 0.04,
        _names("Tesfaye, Haile, Gebremedhin, Tekle, Berhe, Kidane, Woldu, Mebrahtu, Ghebreyesus,"
               "Yohannes, Abraha, Hagos, Kahsay, Negash, Tewelde, Zerai, Asmerom, Measho, Solomon,"
               "Habte"),
        _names("Mohammed, Yonas, Dawit, Samuel, Filmon, Robel, Merhawi, Biniam, Henok, Ermias,"
               "Natnael, Semere, Tesfalem, Yemane, Habtom, Kibrom, Amanuel, Daniel, Michael, Aron"),
        _names("Helen, Selam, Senait, Ruta, Feven, Saba, Luwam, Yordanos, Mehret, Eden, Winta,"
               "Hiwet, Tsega, Freweini, Almaz, Aster, Rahel, Sara, Lidia, Mebrat"),
    ),
    NamePool(
        "IND", 0.04,
        _names("Singh, Kumar, Sharma, Patel, Gupta, Khan, Ali, Shah, Reddy, Rao, Das, Nair,"
               "Mehta, Joshi, Verma, Iyer, Chopra, Malhotra, Bose, Pillai"),
        _names("Rahul, Amit, Vijay, Sanjay, Rajesh, Suresh, Ramesh, Arjun, Vikram, Anil, Deepak,"
               "Manoj, Mohammed, Imran, Harpreet, Gurpreet, Ravi, Sunil, Ajay, Naveen"),
        _names("Priya, Anjali, Sunita, Pooja, Neha, Kavita, Meera, Lakshmi, Deepa, Rekha, Asha,"
               "Fatima, Harjit, Simran, Nisha, Divya, Shreya, Aarti, Geeta, Seema"),
    ),
)  # fmt: skip

# Spellings that other records give the same name: transliterations (Vietnamese and
# Arabic-origin names above all), dropped or doubled letters and common misreadings.
VARIANTS: dict[str, tuple[str, ...]] = {
    "Nguyễn": ("Nguyen", "Ngyuen", "Nguyn", "Nguen", "Nguyem"),
    "Trần": ("Tran", "Tranh"),
    "Phạm": ("Pham", "Fam"),
    "Hoàng": ("Hoang", "Huang"),
    "Huỳnh": ("Huynh", "Hyunh"),
    "Võ": ("Vo", "Voh"),
    "Vũ": ("Vu", "Voo"),
    "Đặng": ("Dang", "Dhang"),
    "Đỗ": ("Do", "Doh"),
    "Dương": ("Duong", "Zuong"),
    "Thị": ("Thi", "Ti"),
    "Văn": ("Van", "Vanh"),
    "Mohammed": ("Muhammad", "Mohamed", "Mohammad", "Muhammed", "Mohamad"),
    "Ibrahim": ("Ebrahim", "Ibraheem"),
    "Yusuf": ("Yousef", "Yusif", "Youssef"),
    "Abubakar": ("Abu Bakar", "Abubakr"),
    "Abdullahi": ("Abdullah", "Abdulahi"),
    "Aisha": ("Aysha", "Aishah", "Ayesha"),
    "Fatima": ("Fatimah", "Fatma"),
    "Zainab": ("Zaynab", "Zeinab"),
    "Oluwaseun": ("Seun", "Oluseun"),
    "Chukwuemeka": ("Chukwuemka", "Emeka"),
    "Gheorghe": ("George", "Georghe"),
    "Ionuț": ("Ionut", "Ionutz"),
    "Ștefan": ("Stefan", "Stephan"),
    "Štefan": ("Stefan", "Stephan"),
    "Wojciech": ("Voytek", "Wojtek", "Wojciek"),
    "Krzysztof": ("Kristof", "Krzystof", "Christopher"),
    "Wiśniewski": ("Wisniewski", "Vishnevsky"),
    "Horváth": ("Horvath", "Horvat"),
    "Kováč": ("Kovac", "Kovacs", "Kovach"),
    "Zhang": ("Chang", "Cheung"),
    "Chen": ("Chan", "Chin"),
    "Wang": ("Wong",),
    "Huang": ("Wong", "Hwang"),
    "Zhou": ("Chou", "Chow"),
    "Xu": ("Hsu", "Tsui"),
    "Gebremedhin": ("Gebremedin", "Ghebremedhin"),
    "Ghebreyesus": ("Gebreyesus", "Ghebreysus"),
    "Yohannes": ("Johannes", "Yohanes"),
    "Tesfaye": ("Tesfay", "Tesfai"),
    "Hoxha": ("Hoxa", "Hodja", "Hoxhaj"),
    "Çela": ("Cela", "Chela"),
    "Shkëlzen": ("Shkelzen", "Skelzen"),
    "Xhevdet": ("Dzhevdet", "Xhevet"),
    "Singh": ("Sing",),
    "Mehta": ("Mehtha",),
    "Muça": ("Muca", "Mucha"),
}
