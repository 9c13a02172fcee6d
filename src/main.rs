fn main() {
    news_blog::start();
}
